/** Background traffic: one plausible call by one plausible principal at a given time and place. */
import { ACTIONS, type Action, type Profile } from './actions.ts';
import { actorsOf, type Actor } from './actors.ts';
import { apiCall, consoleLogin } from './event.ts';
import type { Random } from './random.ts';
import { principalId, SCENARIO, type AccountWorld } from './world.ts';

interface Choice<T> {
  items: T[];
  weights: number[];
}

const choice = <T>(items: T[], weight: (item: T) => number): Choice<T> => ({ items, weights: items.map(weight) });

/** Everything precomputed for one account, so each event costs a few picks. */
export class AccountTraffic {
  private readonly actors: Choice<Actor>;
  private readonly people = ['admin', 'alice', 'bob', 'carol', 'dave'];
  private readonly mfaPeople = new Set(['admin', 'alice', 'carol']);
  /** Actions per profile, in the home region (global ones allowed) and elsewhere. */
  private readonly actions = new Map<string, Choice<Action>>();

  constructor(
    private readonly world: AccountWorld,
    private readonly homeRegion: string,
  ) {
    this.actors = choice(actorsOf(world, world.instances[homeRegion]?.[0] ?? SCENARIO.webServerInstanceId), (a) => a.weight);
    for (const profile of ['admin', 'developer', 'ci', 'app', 'auditor', 'service'] as Profile[]) {
      for (const home of [true, false]) {
        const usable = ACTIONS.filter((a) => a.profiles.includes(profile) && (home || !a.global));
        this.actions.set(
          `${profile}/${home}`,
          choice(usable, (a) => a.weight),
        );
      }
    }
  }

  event(rng: Random, region: string, time: number): Record<string, unknown> {
    const account = this.world.id;
    const home = region === this.homeRegion;
    if (home && rng.chance(0.004)) return this.login(rng, time);
    const actor = rng.weighted(this.actors.items, this.actors.weights);
    const actions = this.actions.get(`${actor.profile}/${home}`)!;
    const action = rng.weighted(actions.items, actions.weights);
    const details = action.build?.({ rng, world: this.world, region, time }) ?? {};
    const error = action.error && rng.chance(action.error.rate) ? action.error : undefined;
    return apiCall({
      rng,
      time,
      account,
      region,
      identity: actor.identity(rng, time),
      sourceIp: actor.sourceIp(rng),
      userAgent: actor.userAgent(rng),
      console: actor.console,
      action,
      details,
      error,
    });
  }

  /** Console sign-ins: mostly people (some without MFA, some failing), now and then the root user. */
  private login(rng: Random, time: number): Record<string, unknown> {
    const account = this.world.id;
    const common = {
      rng,
      time,
      account,
      region: 'us-east-1',
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
      console: true,
    };
    if (rng.chance(0.03)) {
      const identity = { type: 'Root', principalId: account, arn: `arn:aws:iam::${account}:root`, accountId: account };
      return consoleLogin({ ...common, identity, sourceIp: '203.0.113.10', success: true, mfa: true });
    }
    const name = rng.pick(this.people);
    const identity = {
      type: 'IAMUser',
      principalId: principalId(this.world, 'AIDA', name),
      arn: `arn:aws:iam::${account}:user/${name}`,
      accountId: account,
      userName: name,
    };
    const success = rng.chance(0.85);
    const sourceIp = success ? rng.pick(['203.0.113.10', '203.0.113.25', '81.2.69.142']) : rng.pick(['175.16.199.12', '89.160.20.128', '216.160.83.56']);
    return consoleLogin({ ...common, identity, sourceIp, success, mfa: success && this.mfaPeople.has(name) });
  }
}
