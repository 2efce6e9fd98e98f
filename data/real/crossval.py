"""Cross-validate the model on the train split, grouped by authority, and compare it with the rules.

    python data/real/crossval.py

Five folds (scikit-learn's GroupKFold over authorities, so one authority's letters never sit on
both sides of a fold); the test split is not read. It prints, for the rules, the model (foiclassify.model.build_outcome_model, the one
``foiclassify train`` fits) and the "fallback" (the rules' outcome, the model's only where the
rules say ``undetermined``): outcome macro-F1 and how many outcomes are right, and how the
model does on the replies the rules leave undetermined. The rules were corrected against train
errors, so their train figures flatter them; the question this answers is only whether the
model adds anything where the rules find no decision.
"""

from pathlib import Path

from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

from foiclassify import classify
from foiclassify.evaluate import read_labelled
from foiclassify.model import build_outcome_model

REPLIES = Path(__file__).parent / "replies.jsonl"


def main() -> None:
    data = read_labelled([REPLIES])
    train = data[data["split"] == "train"]
    texts = train["text"].tolist()
    gold = train["label_outcome"].tolist()
    authorities = train["authority"].tolist()
    labels = sorted(set(gold))
    rules = [classify(t).outcome for t in texts]
    model: list[str] = [""] * len(train)
    for fit_rows, held_out in GroupKFold(n_splits=5).split(texts, gold, authorities):
        fitted = build_outcome_model([gold[i] for i in fit_rows]).fit([texts[i] for i in fit_rows], [gold[i] for i in fit_rows])
        for i, label in zip(held_out, fitted.predict([texts[i] for i in held_out])):
            model[i] = str(label)
    fallback = [m if r == "undetermined" else r for r, m in zip(rules, model)]

    def show(name: str, predicted: list[str]) -> None:
        macro = f1_score(gold, predicted, labels=labels, average="macro", zero_division=0)
        right = sum(g == p for g, p in zip(gold, predicted))
        print(f"{name:<10} outcome macro-F1 {macro:.3f}   right {right} / {len(gold)}")

    print(f"{len(train)} train replies from {len(set(authorities))} authorities, 5 folds grouped by authority")
    show("rules", rules)
    show("model", model)
    show("fallback", fallback)
    undetermined = [i for i, r in enumerate(rules) if r == "undetermined"]
    print(f"the rules say undetermined for {len(undetermined)} replies: right {sum(gold[i] == 'undetermined' for i in undetermined)}; "
          f"the model is right on {sum(model[i] == gold[i] for i in undetermined)} of them")


if __name__ == "__main__":
    main()
