"""Practice: predict-then-reveal questions about one pass, checked and scored.

A `Question` names one number of a pass the way `explain` does: a quantity of
QUANTITIES, the layer (1..L), the neuron j and, for weights, the incoming
neuron k. `pass_questions(sizes)` lists every number of one pass in reading
order (forward layer 1..L, the loss, backward L..1, the update), which is both
the order of a worksheet's blanks and the order the Step page asks in.

Checking: a prediction p of the true value v is right when
|p − v| ≤ RELATIVE_TOLERANCE · max(|v|, SMALLEST_SCALE), i.e. a relative error
of at most 1e-3 (values smaller than 1e-6 in size count as 1e-6).

Scoring: a question is worth MAX_POINTS; each hint shown costs one point
(hint 1: the formula, hint 2: the formula with numbers, hint 3: the answer,
which leaves no points). An attempt is an immutable value: `submit` and
`take_hint` return the next one.
"""
import math
import unicodedata
from dataclasses import dataclass, replace

from .explanations import available_quantities

RELATIVE_TOLERANCE = 1e-3
SMALLEST_SCALE = 1e-6
HINT_LEVELS = 3          # formula, formula with numbers, answer
MAX_POINTS = HINT_LEVELS
MAX_PREDICTION_CHARS = 40
# The kinds a score is kept for, in reading order ("delta" splits into output and hidden neurons).
KINDS = ("z", "a", "loss", "delta_output", "delta_hidden", "bias_grad", "weight_grad", "new_weight", "new_bias")


@dataclass(frozen=True)
class Question:
    """One number of a pass: `quantity` of neuron j of `layer` (k: incoming neuron, weights only)."""
    quantity: str
    layer: int
    j: int
    k: int | None = None


def kind(question, output_layer):
    """The score kind of a question: its quantity, with δ split into output and hidden neurons."""
    if question.quantity == "delta":
        return "delta_output" if question.layer == output_layer else "delta_hidden"
    return question.quantity


def pass_questions(sizes) -> tuple[Question, ...]:
    """Every number of one pass of a network of `sizes`, in the order a learner works them out."""
    L = len(sizes) - 1
    forward = [Question(q, l, j) for l in range(1, L + 1) for j in range(sizes[l]) for q in ("z", "a")]
    backward = []
    for l in range(L, 0, -1):
        for j in range(sizes[l]):
            backward += [Question("delta", l, j), Question("bias_grad", l, j)]
            backward += [Question("weight_grad", l, j, k) for k in range(sizes[l - 1])]
    update = [question for l in range(1, L + 1) for j in range(sizes[l])
              for question in [Question("new_weight", l, j, k) for k in range(sizes[l - 1])]
              + [Question("new_bias", l, j)]]
    return tuple(forward + [Question("loss", L, 0)] + backward + update)


def revealed(before, after) -> tuple[Question, ...]:
    """The questions whose answer step `after` shows and step `before` did not, in pass order."""
    def known(step, question):
        return question.quantity in available_quantities(step, question.layer, question.j)
    return tuple(q for q in pass_questions(after.network.sizes) if known(after, q) and not known(before, q))


def pick(candidates, selected=None, turn=0) -> Question | None:
    """The question to ask: among `candidates`, those of the `selected` neuron (layer, j) if it
    has any, else all; `turn` (how many were asked at this step already) rotates through them."""
    if not candidates:
        return None
    own = [q for q in candidates if selected is not None and (q.layer, q.j) == tuple(selected)]
    pool = own or list(candidates)
    return pool[turn % len(pool)]


def parse_prediction(text) -> float | None:
    """A typed prediction as a float, or None if it is not one finite number.

    Accepts 0.5933, -1.2e-3, a minus sign (−), full-width digits and a decimal comma."""
    text = unicodedata.normalize("NFKC", str(text)).strip().replace("\u2212", "-").replace("。", ".")
    if not text or len(text) > MAX_PREDICTION_CHARS:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def within_tolerance(prediction, value) -> bool:
    """True if `prediction` is within the relative tolerance of the true `value`."""
    return abs(prediction - value) <= RELATIVE_TOLERANCE * max(abs(value), SMALLEST_SCALE)


@dataclass(frozen=True)
class Attempt:
    """A learner's work on one question: wrong predictions so far, hints shown (0..HINT_LEVELS,
    the last being the answer), and whether a prediction was right."""
    question: Question
    kind: str
    tries: int = 0
    hints: int = 0
    solved: bool = False

    @property
    def finished(self) -> bool:
        """Right, or the answer was shown: nothing more to do."""
        return self.solved or self.hints >= HINT_LEVELS

    @property
    def tried(self) -> bool:
        """At least one prediction was checked: the next value may be revealed."""
        return self.solved or self.tries > 0

    @property
    def points(self) -> int:
        return MAX_POINTS - self.hints if self.solved else 0


def submit(attempt, prediction, value) -> Attempt:
    """The attempt after checking `prediction` against the true `value` (unchanged once finished)."""
    if attempt.finished:
        return attempt
    if within_tolerance(prediction, value):
        return replace(attempt, solved=True)
    return replace(attempt, tries=attempt.tries + 1)


def take_hint(attempt) -> Attempt:
    """The attempt with one more hint shown; hints come only after a miss and before the end."""
    if attempt.finished or attempt.tries == 0:
        return attempt
    return replace(attempt, hints=attempt.hints + 1)


@dataclass(frozen=True)
class KindScore:
    """The score of one kind over a pass: questions right (without the answer shown) of those
    asked, and points of the most possible."""
    kind: str
    right: int
    asked: int
    points: int
    most: int


def score(attempts) -> tuple[KindScore, ...]:
    """Per kind, in KINDS order, for the kinds that were asked."""
    result = []
    for name in KINDS:
        mine = [a for a in attempts if a.kind == name]
        if mine:
            result.append(KindScore(name, sum(a.solved for a in mine), len(mine),
                                    sum(a.points for a in mine), MAX_POINTS * len(mine)))
    return tuple(result)
