import { Injectable } from '@nestjs/common';
import { AppConfig } from '@frontline/platform';
import { IdentityLinks, type ProvisionedPerson, ProvisionedPeople } from '@frontline/directory';

/** How many people the sign-in page offers: the development provider is for demo-sized organisations. */
const OFFERED = 500;

export interface SignInAccount {
  /** The identity the api matches: the person's user name, or their external id (OIDC_IDENTITY_MATCHES). */
  accountId: string;
  displayName: string;
  userName: string;
  externalId?: string;
}

/** The accounts of the development provider: the people the directory links to an identity, active ones only. */
@Injectable()
export class SignInAccounts {
  constructor(
    private readonly people: ProvisionedPeople,
    private readonly links: IdentityLinks,
    private readonly config: AppConfig,
  ) {}

  async offered(): Promise<SignInAccount[]> {
    const { people } = await this.people.page(0, OFFERED);
    return people.filter((person) => person.active).flatMap((person) => this.accountOf(person));
  }

  async find(accountId: string): Promise<SignInAccount | undefined> {
    const holder = await this.links.holderOf(this.config.OIDC_IDENTITY_MATCHES, accountId);
    const person = holder === undefined ? undefined : await this.people.find(holder);
    return person?.active ? this.accountOf(person)[0] : undefined;
  }

  private accountOf({ displayName, userName, externalId }: ProvisionedPerson): SignInAccount[] {
    const accountId = this.config.OIDC_IDENTITY_MATCHES === 'userName' ? userName : externalId;
    return accountId === undefined ? [] : [{ accountId, displayName, userName, externalId }];
  }
}
