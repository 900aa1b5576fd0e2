// The built-in models (ALGORITHMS.md §6 "Model shapes"; docs/models.md): the encoders the four systems
// evaluate, as descriptions (spec/model/description.ts). Embeddings, patch projection and the
// classification head are outside: a run starts from hidden states [N, D] and ends after the last layer
// (and the final LayerNorm where the model has one). The weights' owner is party 0 (the server).
import { usageError } from '../../core/errors.ts';
import { type ModelDescription, decodeModel } from './description.ts';

/** Decoded like a user's file, so the built-ins obey the same checks. */
export const BUILTIN_MODELS: readonly ModelDescription[] = [
  {
    name: 'bert-base',
    description:
      'BERT-base (Devlin et al. 2019): post-LN, 12 layers, 12 heads, D 768, F 3072, up to 512 tokens',
    blockOrder: 'post-ln',
    layers: 12,
    heads: 12,
    hidden: 768,
    headDim: 64,
    ffn: 3072,
    tokens: 512,
    layerNormEpsilon: 1e-12,
    weightsOwner: 0,
    qkv: 'separate',
    qkvBias: true,
    finalLayerNorm: false,
  },
  {
    name: 'bert-large',
    description: 'BERT-large: post-LN, 24 layers, 16 heads, D 1024, F 4096, up to 512 tokens',
    blockOrder: 'post-ln',
    layers: 24,
    heads: 16,
    hidden: 1024,
    headDim: 64,
    ffn: 4096,
    tokens: 512,
    layerNormEpsilon: 1e-12,
    weightsOwner: 0,
    qkv: 'separate',
    qkvBias: true,
    finalLayerNorm: false,
  },
  {
    name: 'vit-cifar',
    description: "MPCViT's vit_7_4_32 for CIFAR (CCT order): 7 layers, 4 heads, D 256, F 512, 65 tokens",
    blockOrder: 'cct',
    layers: 7,
    heads: 4,
    hidden: 256,
    headDim: 64,
    ffn: 512,
    tokens: 65,
    layerNormEpsilon: 1e-5,
    weightsOwner: 0,
    qkv: 'fused',
    qkvBias: false,
    finalLayerNorm: true,
  },
  {
    name: 'vit-tiny-imagenet',
    description:
      "MPCViT's vit_9_12_64 for Tiny-ImageNet (CCT order): 9 layers, 12 heads, D 192, F 384, 257 tokens",
    blockOrder: 'cct',
    layers: 9,
    heads: 12,
    hidden: 192,
    headDim: 16,
    ffn: 384,
    tokens: 257,
    layerNormEpsilon: 1e-5,
    weightsOwner: 0,
    qkv: 'fused',
    qkvBias: false,
    finalLayerNorm: true,
  },
  {
    name: 'vit-tiny',
    description: "PriViT's ViT-Tiny/16 at 224 (HF pre-norm): 12 layers, 3 heads, D 192, F 768, 197 tokens",
    blockOrder: 'pre-ln',
    layers: 12,
    heads: 3,
    hidden: 192,
    headDim: 64,
    ffn: 768,
    tokens: 197,
    layerNormEpsilon: 1e-12,
    weightsOwner: 0,
    qkv: 'separate',
    qkvBias: true,
    finalLayerNorm: true,
  },
].map((m) => decodeModel(m, `built-in model ${m.name}`));

export function findModel(name: string): ModelDescription {
  const m = BUILTIN_MODELS.find((d) => d.name === name);
  if (m === undefined)
    throw usageError(
      `unknown model '${name}'; built-in models: ${BUILTIN_MODELS.map((d) => d.name).join(', ')} (or a JSON file, docs/models.md)`,
    );
  return m;
}
