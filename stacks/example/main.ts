// Ballast's example stack: built-in providers only (random, local, null), so it plans and
// applies anywhere without cloud credentials. See README.md for what it creates and where.

import { App, Fn, LocalBackend, TerraformAsset, TerraformIterator, TerraformOutput, TerraformStack, TerraformVariable, Token, ref } from 'cdktf';
import { Construct } from 'constructs';
import { file, provider as localProvider } from '@cdktf/provider-local';
import { provider as nullProvider, resource } from '@cdktf/provider-null';
import { password, pet, provider as randomProvider } from '@cdktf/provider-random';

class ExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    // A relative state path keeps the synthesized JSON identical wherever the app is checked
    // out (cdktf's default is an absolute path under the current directory).
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    new randomProvider.RandomProvider(this, 'random');
    new localProvider.LocalProvider(this, 'local');
    new nullProvider.NullProvider(this, 'null');

    // Context from cdktf.json ("environment"), as the cdktf CLI passes it.
    const environment = String(this.node.tryGetContext('environment') ?? 'dev');

    const greeting = new TerraformVariable(this, 'greeting', {
      type: 'string',
      default: 'Hello',
      description: 'First word of every generated file',
    });
    const fileNames = new TerraformVariable(this, 'file_names', {
      type: 'list(string)',
      default: ['alpha', 'beta', 'gamma'],
      description: 'One file is written per name',
    });
    const petLength = new TerraformVariable(this, 'pet_length', {
      type: 'number',
      default: 2,
      description: 'Number of words in the pet name',
    });

    const name = new pet.Pet(this, 'name', { length: petLength.numberValue, separator: '-' });

    // The template is copied next to the synthesized stack (cdktf.out/stacks/example/assets/...),
    // so its path is relative to the stack's working directory, i.e. path.module.
    const template = new TerraformAsset(this, 'greeting-template', { path: 'templates/greeting.tftpl' });

    // `${path.module}` as an expression: a literal "${...}" inside a function argument would be
    // escaped by cdktf into plain text.
    const moduleDir = Token.asString(ref('path.module'));

    const names = TerraformIterator.fromList(fileNames.listValue);
    const files = new file.File(this, 'files', {
      forEach: names,
      filename: `${moduleDir}/out/${names.value}.txt`,
      content: Fn.templatefile(`${moduleDir}/${template.path}`, {
        greeting: greeting.stringValue,
        name: name.id,
        key: names.value,
        stack: id,
        environment,
        tags: ['managed-by-ballast', environment],
      }),
      filePermission: '0644',
    });

    const fileIds = TerraformIterator.fromResources(files);
    const announce = new resource.Resource(this, 'announce', {
      triggers: {
        file_ids: Fn.join(',', Fn.sort(Token.asList(fileIds.pluckProperty('id')))),
        pet: name.id,
      },
    });

    const secret = new password.Password(this, 'secret', { length: 20, special: false });

    new TerraformOutput(this, 'pet_name', { value: name.id, description: 'The generated pet name' });
    new TerraformOutput(this, 'file_paths', { value: Fn.sort(Token.asList(fileIds.pluckProperty('filename'))) });
    new TerraformOutput(this, 'announce_id', { value: announce.id });
    new TerraformOutput(this, 'admin_password', { value: secret.result, sensitive: true });
  }
}

const app = new App();
new ExampleStack(app, 'example');
app.synth();
