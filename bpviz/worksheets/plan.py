"""What a sheet asks and how many pages it takes.

A network whose whole pass has at most FULL_MOST numbers is worked in full on
one page: every value of `pass_questions`, in its order. A larger one cannot
be worked by hand on a page, nor its key printed on two: its sheet takes two
pages and is *focused* on the last layer L. It gives the values of layer L − 1
(the input when L = 1) and asks, in pass order, for layer L's z and a, the
loss, the deltas of layer L and of neuron 0 of layer L − 1, and the gradients
and updates of the weights and bias into output neuron 0.
"""
from bpviz.engine.practice import pass_questions

FULL_MOST = 56


def is_focused(sizes) -> bool:
    """True if a network of `sizes` is too large to be worked in full on one page."""
    return len(pass_questions(sizes)) > FULL_MOST


def sheet_pages(sizes) -> int:
    """The pages one sheet of a network of `sizes` takes: 1, or 2 when focused."""
    return 2 if is_focused(sizes) else 1


def given_layer(sizes) -> int:
    """The layer whose values a focused sheet gives (L − 1)."""
    return len(sizes) - 2


def sheet_questions(sizes):
    """The numbers a sheet of a network of `sizes` asks for, in pass order (`Question`s)."""
    questions = pass_questions(sizes)
    if not is_focused(sizes):
        return questions
    last = len(sizes) - 1

    def asked(q):
        if q.quantity == "loss":
            return True
        if q.quantity == "delta":
            return q.layer == last or (q.layer == last - 1 and q.j == 0)
        if q.layer != last:
            return False
        return q.quantity in ("z", "a") or q.j == 0

    return tuple(q for q in questions if asked(q))
