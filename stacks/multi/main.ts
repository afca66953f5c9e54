// Two stacks in one app. `app` uses `base`'s pet name: assigning a resource attribute of one
// stack into another makes cdktf add the plumbing itself — an output `cross-stack-output-...`
// in `base`, a `terraform_remote_state` data source in `app`, and the dependency app -> base
// in manifest.json. Ballast applies `base` first and feeds its outputs to `app`.
// No backend is declared, so cdktf's default applies: a local backend whose (absolute) path is
// terraform.<stack>.tfstate in the directory the app ran in — what most real apps look like.

import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { provider as nullProvider, resource } from '@cdktf/provider-null';
import { pet, provider as randomProvider, stringResource } from '@cdktf/provider-random';

class BaseStack extends TerraformStack {
  readonly pet: pet.Pet;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new randomProvider.RandomProvider(this, 'random');
    this.pet = new pet.Pet(this, 'pet', { length: 2, prefix: 'base' });
    new TerraformOutput(this, 'pet_name', { value: this.pet.id });
  }
}

class AppStack extends TerraformStack {
  constructor(scope: Construct, id: string, base: BaseStack) {
    super(scope, id);
    new randomProvider.RandomProvider(this, 'random');
    new nullProvider.NullProvider(this, 'null');
    const suffix = new stringResource.StringResource(this, 'suffix', { length: 6, special: false, upper: false });
    const server = new resource.Resource(this, 'server', {
      triggers: {
        // the cross-stack reference
        base_pet: base.pet.id,
        suffix: suffix.result,
      },
    });
    new TerraformOutput(this, 'server_id', { value: server.id });
    new TerraformOutput(this, 'full_name', { value: `${base.pet.id}-${suffix.result}` });
  }
}

const app = new App();
const base = new BaseStack(app, 'base');
new AppStack(app, 'app', base);
app.synth();
