import { Global, Module } from '@nestjs/common';
import { Paging } from './paging';
import { ReadModels } from './read-models';
import { Releases } from './privacy/releases';

@Global()
@Module({ providers: [ReadModels, Paging, Releases], exports: [ReadModels, Paging, Releases] })
export class ReadModelsModule {}
