"""A spaCy pipeline component for users who already work in spaCy.

``nlp.add_pipe("foiclassify")`` (registered through the ``spacy_factories`` entry point, or by
importing this module) sets ``doc._.foi`` to the :class:`~foiclassify.Classification` of the
document and puts every evidence span in ``doc.spans["foi"]`` with its label. It runs the same
core as :func:`foiclassify.classify`; it is not a second implementation.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("foiclassify")
>>> doc = nlp("The information is exempt under section 43(2) of the FOIA.")
>>> doc._.foi.exemptions
('FOIA:s43',)
>>> [(span.text, span.label_) for span in doc.spans["foi"] if span.label_.startswith("FOIA")]
[('43(2)', 'FOIA:s43')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .pipeline import classify

if not Doc.has_extension("foi"):
    Doc.set_extension("foi", default=None)


class FoiComponent:
    def __init__(self, name: str = "foiclassify") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        result = classify(doc.text)
        doc._.foi = result
        spans = []
        for ev in result.evidence:
            if ev.end > ev.start:
                span = doc.char_span(ev.start, ev.end, label=ev.label, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans["foi"] = spans
        return doc


@Language.factory("foiclassify")
def make_component(nlp: Language, name: str) -> FoiComponent:
    return FoiComponent(name)
