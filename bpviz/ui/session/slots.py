"""The table of every session-state key the app keeps (`SLOTS`): its type, the value its getter
returns before anything is stored, the page that owns it and what it means; and what a
classroom link can hide (`HIDEABLE`). Keys only: bpviz/ui/session/state.py reads and writes them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bpviz.engine import GRANULARITIES, Network, TrainingState


@dataclass(frozen=True)
class Slot:
    """One session-state key: its type, the getter's value before anything is stored, its page."""
    key: str
    type: Any
    default: Any
    page: str
    meaning: str


SLOTS: dict[str, Slot] = {}


def slot(key, type_, default, page, meaning):
    SLOTS[key] = Slot(key, type_, default, page, meaning)
    return key


NETWORK = slot("network", Network, None, "every", "the learner's Network (set by init)")
NETWORK_VERSION = slot("network_version", int, 0, "build", "bumped when the network changes from outside the tables")
EXAMPLE_X = slot("example_x", tuple, (), "every", "the stepping example's x, floats")
EXAMPLE_Y = slot("example_y", tuple, (), "every", "the stepping example's y, floats")
LEARNING_RATE = slot("learning_rate", float, None, "step", "η of the Step page")
UPDATE_BIASES = slot("update_biases", bool, None, "step", "the Step page's bias switch")
GRANULARITY = slot("granularity", str, GRANULARITIES[0], "step", "one step per layer or per pass")
STEP_INDEX = slot("step_index", int, 0, "step", "the Step page's position (pages clamp it to the last step)")
STEP_MOVES = slot("step_moves", int, 0, "step", "how often the server moved the Step position itself (not the browser)")
READOUT_SERVED = slot("step_readout_served", bool, False, "step", "the server draws the Step readout of each position")
PENALTY = slot("step_penalty", tuple, (0.0, 0.0), "step", "(λ₁, λ₂): the Step page's L1 and L2 weight penalty")
BATCH = slot("step_batch", tuple, None, "step", "(rows, row numbers) of a batch stepped by example, or None")
SELECTED = slot("selected_neuron", tuple, None, "build", "(layer, j) or None")
LAST_UPDATE = slot("last_update", dict, None, "step", "what the last applied update changed, or None")
PRESET = slot("preset", str, None, "build", "the preset last loaded, or None")
NOTICE = slot("notice", tuple, None, "every", "(kind, messages) to show once after a rerun")
LINK_READ = slot("link_read", bool, False, "every", "True once the address has been read for this session")
ADDRESS_WRITTEN = slot("address_written", str, None, "every", "the query string last handed to the address bar")
DATA_TEXT = slot("train_data_text", tuple, None, "train", "(TrainData, its address text), last described")
HIDDEN = slot("hidden_controls", frozenset, frozenset(), "every", "the HIDEABLE names a classroom link fixed")
QUIZ = slot("quiz", bool, False, "step", "True when a classroom link switched quiz mode on (`?quiz=1`)")
LANGUAGE = slot("lang", str, None, "every", "the sidebar's language box owns it (frame.py); a link may pre-set it")
MEMO = slot("memo", dict, None, "every", "memo.remembered: {slot: (digest, result)}")
DIAGRAM_ROOM = slot("diagram_room", tuple, None, "step", "(height, width) the browser last reported for the diagram")
UPLOAD_COUNTER = slot("build_upload_counter", int, 0, "build", "bumped for a fresh, empty network uploader")
QUIZ_PASS = slot("quiz_pass", tuple, None, "step", "what the attempts belong to: the pass's network and settings")
QUIZ_ATTEMPTS = slot("quiz_attempts", dict, None, "step", "{(step index, turn): practice.Attempt} of this pass")
QUIZ_TURNS = slot("quiz_turns", dict, None, "step", "{step index: questions asked at that step so far}")
QUIZ_REACHED = slot("quiz_reached", int, None, "step", "the furthest step the learner may see")
TRAIN_NETWORK = slot("train_network", Network, None, "train", "Train's own network; None once the session's changes")
TRAINING = slot("train_state", TrainingState, None, "train", "the TrainingState")
TRAINING_DATA = slot("train_state_data", object, None, "train", "the TrainData that TRAINING was trained on")
TRAIN_TASK = slot("train_task", tuple, None, "train", "(data, sizes, preset) the learning rate was chosen for")
PLAYING = slot("train_playing", bool, False, "train", "Play is on")
PLAY_START = slot("train_play_start", tuple, None, "train", "(time.monotonic(), epoch) when Play was pressed")
PLAY_ADDRESS = slot("train_play_address", float, None, "train", "time.monotonic() when Play last wrote the address")
OUTCOME = slot("train_outcome", tuple, None, "train", "(kind, text) of the last stop, until the next action")
TRAIN_DATA = slot("train_data", object, None, "train", "the session's TrainData")
CSV_COUNTER = slot("train_csv_counter", int, 0, "train", "bumped for a fresh, empty CSV uploader")
LINK_WARNING = slot("train_link_warning", str, None, "train", "a link's warning about the data, until shown")
LINK_WARNING_RUN = slot("train_link_warning_run", dict, None, "train",
                         'this run: {"on_page": the warning is on the page, "train": Train\'s picker ran}')
WORKSHEETS_MADE = slot("worksheets_made", tuple, None, "worksheets", "(settings, sources, pdfs) of the last click")
LESSON = slot("lesson", dict, {}, "every", "names, motion, view, practice switches; quiz work to restore (ui.lesson)")
WIDGET_KINDS = slot("widget_kinds", dict, {}, "every", "{widget key: reader.kind of its value at the last run's end}")
WORKSHEETS_JOB = slot("worksheets_job", tuple, None, "worksheets", "(settings, jobs.Job) being made in the queue")
SESSION_NAME = slot("session_name", str, None, "every", "a random name for the reconnect watcher (reconnect.py)")

DEFAULT_PRESET = "worked_example"
# What a classroom link can hide, and so fix: presets (loading one), files (download and
# upload), architecture (sizes, activations, loss), tables (editing weights by hand),
# example (x and y), learning_rate (η and the bias switch of the Step page).
HIDEABLE = ("presets", "files", "architecture", "tables", "example", "learning_rate")
