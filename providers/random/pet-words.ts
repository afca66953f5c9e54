// Word lists for random_pet: "<adverb>-...-<adjective>-<name>". Our own short lists; the
// names are animals, like the real provider's.

export const ADVERBS = [
  'abruptly', 'actually', 'amazingly', 'barely', 'boldly', 'briefly', 'brightly', 'calmly', 'carefully', 'certainly',
  'cheaply', 'cleanly', 'clearly', 'closely', 'deeply', 'easily', 'equally', 'evenly', 'fairly', 'firmly',
  'freely', 'fully', 'gently', 'gladly', 'greatly', 'happily', 'highly', 'honestly', 'hugely', 'humbly',
  'jointly', 'kindly', 'largely', 'lightly', 'loudly', 'mainly', 'merely', 'mildly', 'mostly', 'nearly',
  'neatly', 'nicely', 'openly', 'partly', 'politely', 'quickly', 'quietly', 'rapidly', 'rarely', 'really',
  'safely', 'sharply', 'simply', 'slowly', 'smoothly', 'softly', 'solely', 'surely', 'swiftly', 'truly',
  'vastly', 'warmly', 'wholly', 'widely', 'wildly', 'wisely',
];

export const ADJECTIVES = [
  'able', 'active', 'adapted', 'allowed', 'amazed', 'amused', 'apt', 'awake', 'balanced', 'big',
  'bold', 'brave', 'bright', 'busy', 'calm', 'capable', 'careful', 'charming', 'clean', 'clever',
  'close', 'cool', 'cosmic', 'crisp', 'curious', 'daring', 'dear', 'deep', 'direct', 'eager',
  'easy', 'enabled', 'epic', 'exact', 'fair', 'famous', 'fast', 'fine', 'firm', 'fit',
  'fleet', 'fluent', 'fond', 'free', 'fresh', 'full', 'funny', 'gentle', 'giving', 'glad',
  'golden', 'good', 'grand', 'great', 'happy', 'hardy', 'helpful', 'heroic', 'honest', 'humble',
  'ideal', 'immune', 'joint', 'just', 'keen', 'kind', 'known', 'large', 'legal', 'light',
  'live', 'loved', 'loyal', 'lucky', 'magical', 'main', 'merry', 'mighty', 'modern', 'moving',
  'natural', 'neat', 'needed', 'nice', 'noble', 'open', 'optimal', 'patient', 'perfect', 'polite',
  'precious', 'prime', 'proper', 'proud', 'quick', 'quiet', 'rapid', 'rare', 'ready', 'real',
  'relaxed', 'robust', 'safe', 'sharp', 'shining', 'smart', 'smooth', 'solid', 'sound', 'special',
  'stable', 'steady', 'sunny', 'super', 'sure', 'swift', 'tender', 'tidy', 'true', 'trusty',
  'upward', 'useful', 'valid', 'vast', 'vital', 'warm', 'welcome', 'wise', 'witty', 'worthy',
];

export const NAMES = [
  'aardvark', 'albatross', 'alpaca', 'anchovy', 'ant', 'antelope', 'baboon', 'badger', 'barnacle', 'bass',
  'bat', 'bear', 'beaver', 'bee', 'beetle', 'bison', 'boa', 'bobcat', 'buffalo', 'bull',
  'camel', 'caribou', 'cat', 'catfish', 'cheetah', 'chicken', 'chipmunk', 'cicada', 'clam', 'cobra',
  'cod', 'condor', 'coral', 'cougar', 'cow', 'coyote', 'crab', 'crane', 'cricket', 'crow',
  'deer', 'dingo', 'dodo', 'dog', 'dolphin', 'donkey', 'dove', 'dragon', 'duck', 'eagle',
  'eel', 'egret', 'elephant', 'elk', 'emu', 'falcon', 'ferret', 'finch', 'fish', 'flamingo',
  'fly', 'fox', 'frog', 'gazelle', 'gecko', 'gibbon', 'giraffe', 'gnat', 'gnu', 'goat',
  'goose', 'gopher', 'gorilla', 'grouse', 'gull', 'hamster', 'hare', 'hawk', 'hen', 'heron',
  'hippo', 'horse', 'hound', 'hyena', 'ibex', 'iguana', 'impala', 'jackal', 'jaguar', 'jay',
  'kangaroo', 'kid', 'kingfish', 'kite', 'kiwi', 'koala', 'lamb', 'lark', 'lemur', 'leopard',
  'lion', 'lizard', 'llama', 'lobster', 'locust', 'lynx', 'macaw', 'mackerel', 'magpie', 'mako',
  'mammoth', 'manatee', 'mantis', 'marmot', 'marten', 'mink', 'mole', 'mongoose', 'monkey', 'moose',
  'moth', 'mouse', 'mule', 'mustang', 'newt', 'ocelot', 'octopus', 'oriole', 'osprey', 'ostrich',
  'otter', 'owl', 'ox', 'oyster', 'panda', 'panther', 'parrot', 'peacock', 'pelican', 'penguin',
  'pheasant', 'pig', 'pigeon', 'pony', 'porpoise', 'possum', 'puma', 'python', 'quail', 'rabbit',
  'raccoon', 'ram', 'raven', 'reindeer', 'robin', 'salmon', 'sawfish', 'seal', 'shark', 'sheep',
  'shrimp', 'skink', 'skunk', 'sloth', 'slug', 'snail', 'snake', 'sparrow', 'spider', 'squid',
  'starfish', 'stork', 'sturgeon', 'swan', 'tapir', 'termite', 'tiger', 'toad', 'tortoise', 'toucan',
  'trout', 'tuna', 'turkey', 'turtle', 'urchin', 'viper', 'vulture', 'wallaby', 'walrus', 'warthog',
  'wasp', 'weasel', 'whale', 'wolf', 'wombat', 'worm', 'wren', 'yak', 'zebra',
];
