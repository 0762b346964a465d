"""Who said what: direct quotes and indirect speech with their cues and speakers.

Direct quotes come from :mod:`storyline.nlp.quotemarks`. For each, the cue rules of :mod:`.cues`
are tried in order (:data:`.cues.CUE_RULES`): a speech verb right after the quote, the verb the quoted
words hang from in the parse, "according to X" in its sentences, the nearest speech verb beside it,
labels ("WALLACE: ...", "“...” ― Jorge Falcon"), a colon that announces it. A quote no rule
attributes goes on with the speaker before it (:mod:`.continuation`): in its paragraph, the quote it
continues ("...," Kirby said. "..."), the paragraph before. Titles and scare quotes that no one says
are left out (:mod:`.titles`).

Indirect speech (:mod:`.indirect`) is a cue with a clause of content ("Officials say that ...",
"..., an Israeli official said"), an "according to X" phrase, or a verb of urging with its object
and infinitive ("urged Israel to take additional measures").

The speaker is the subject of the cue (or the agent of a passive one, or the object of "according
to"), found by the rules of :mod:`.speakers` and :mod:`.subjects`; :mod:`.names` turns it into a
:class:`~storyline.types.Speaker`: pronouns are resolved by :mod:`storyline.nlp.coref`, and a
description with no name ("an Israeli official", "sources") is flagged anonymous.

Every quote records the ``rule`` that found it: the name of a cue rule, of a way to go on from an
earlier quote ("same_paragraph", "continued_quote", "previous_paragraph", "previous_subject",
"shared_cue", "owned_speech", "transcript_line"; "closing_part" for a quote running over lines, which
takes the cue of the part that closes it, :mod:`.runon`), of an indirect content rule (``CONTENT_RULES``,
"according_to_clause"), "headline_label", or "unattributed" for quoted words no rule gives a speaker.
The words every rule looks up are in :mod:`.lexicon`; what every rule reads, in :mod:`.context`.
"""

from .cues import CUE_RULES
from .indirect import CONTENT_RULES
from .labels import headline_quote
from .reader import GOING_ON_RULES, extract_quotes

# Every name a quote's ``rule`` can take.
RULES = (*(rule.__name__ for rule in CUE_RULES), *GOING_ON_RULES, "according_to_clause",
         *(rule.name for rule in CONTENT_RULES), "headline_label")

__all__ = ["RULES", "extract_quotes", "headline_quote"]
