import { Global, Module } from '@nestjs/common';
import { Paging } from './paging';
import { ReadModels } from './read-models';

@Global()
@Module({ providers: [ReadModels, Paging], exports: [ReadModels, Paging] })
export class ReadModelsModule {}
