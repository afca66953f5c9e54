// The same kind of small app written against cdktn (CDK Terrain, the community fork of cdktf).
// Its output format is cdktf's, so Ballast reads it the same way. Uses the prebuilt
// @cdktn/provider-random binding plus a plain TerraformResource (no binding) for null_resource.

import { App, LocalBackend, TerraformOutput, TerraformProvider, TerraformResource, TerraformStack, TerraformVariable } from 'cdktn';
import { Construct } from 'constructs';
import { pet, provider as randomProvider } from '@cdktn/provider-random';

// A provider without a generated binding.
class NullProvider extends TerraformProvider {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      terraformResourceType: 'null',
      terraformGeneratorMetadata: { providerName: 'null', providerVersionConstraint: '~> 3.2' },
      terraformProviderSource: 'hashicorp/null',
    });
  }
}

class CdktnStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    new randomProvider.RandomProvider(this, 'random');
    new NullProvider(this, 'null');

    const prefix = new TerraformVariable(this, 'prefix', { type: 'string', default: 'terrain' });
    const name = new pet.Pet(this, 'name', { prefix: prefix.stringValue, length: 2 });

    // A resource without a generated binding: type and attributes spelled out by hand.
    const marker = new TerraformResource(this, 'marker', {
      terraformResourceType: 'null_resource',
      terraformGeneratorMetadata: { providerName: 'null' },
    });
    marker.addOverride('triggers', { pet: name.id });

    new TerraformOutput(this, 'pet_name', { value: name.id });
    new TerraformOutput(this, 'marker_id', { value: marker.getStringAttribute('id') });
  }
}

const app = new App();
new CdktnStack(app, 'cdktn-example');
app.synth();
