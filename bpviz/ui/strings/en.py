"""English catalogue: every string the app shows, by key, in one section per page.

Keys read `<page or topic>.<name>`; zh.py has the same keys in the same sections, and
tests/app/test_strings.py checks both, and that no key is written twice. A key ending in
".one" is the singular of the key without it (`i18n.t_count`). Figure words come from
`bpviz.viz.TEXT_EN` (defined beside each figure), the engine's messages from
`bpviz.engine.MESSAGES`, the interface's own from `bpviz.ui.errors.MESSAGES`.
"""
from bpviz.engine import MESSAGES, WORDING
from bpviz.ui import errors
from bpviz.viz import TEXT_EN as FIGURE_TEXT_EN

# ---- every page: navigation, sidebar, Home, the page-edge error, figure words --------------
COMMON = {
    "nav.home": "Home",
    "nav.build": "Build",
    "nav.step": "Step",
    "sidebar.network": "Current network",
    "sidebar.language": "Language",
    "sidebar.describe": WORDING["network.describe"],   # the engine's English: Network.describe()
    "home.title": "Backpropagation, one number at a time",
    "home.intro": (
        "A neural network learns by nudging each of its weights in the direction that lowers its error. "
        "**Backpropagation** is the bookkeeping that finds that direction for every weight at once: "
        "it works out how much the error would change if a single weight changed a little, its "
        "**gradient**, by reusing what the forward pass already computed and passing error terms "
        "backwards through the layers with the chain rule. Here you can watch every one of those numbers "
        "appear, and open any of them to see the arithmetic behind it."),
    "home.phase1.title": "Phase 1 · Propagate",
    "home.phase1.body": (
        "- **Forward:** the input flows through the layers. Each neuron adds up its weighted inputs and "
        "its bias, $z = \\sum_k w_k a_k + b$, and applies its activation function, $a = f(z)$.\n"
        "- **Loss:** the output is compared with the target, giving the error $E$.\n"
        "- **Backward:** each output neuron gets an error term $\\delta = \\partial E/\\partial z$; each hidden "
        "neuron's $\\delta$ is the weighted sum of the $\\delta$s it feeds, times its own $f'(z)$."),
    "home.phase2.title": "Phase 2 · Update",
    "home.phase2.body": (
        "- Every weight's gradient is its input activation times the δ of the neuron it feeds: "
        "$\\partial E/\\partial w_{jk} = a_k\\,\\delta_j$.\n"
        "- Each weight takes a step against its gradient, scaled by the learning rate $\\eta$: "
        "$w \\leftarrow w - \\eta\\,\\partial E/\\partial w$.\n"
        "- Repeat over the training data until the error is small enough, the examples are classified "
        "correctly, or a set number of epochs has run."),
    "home.start.title": "Where to start",
    "home.start.body": (
        "1. **Build** loads the classic worked example: two inputs, two hidden and two output sigmoid "
        "neurons, with its published weights. Change anything you like.\n"
        "2. **Step** walks through one forward pass, the loss, one backward pass and the update, "
        "layer by layer. Click a neuron to see its numbers worked out."),
    "home.link.build": "Build a network",
    "home.link.step": "Step through backpropagation",
    "nav.share": "Share",
    "nav.train": "Train",
    "nav.landscape": "Landscape",
    "nav.gradcheck": "Gradient check",
    "nav.worksheets": "Worksheets",
    "app.page_error": ("This page cannot be drawn for your network and settings, which are unchanged. "
                       "The reason: {message}. Change them on the Build page, or load a preset."),
    "home.more.title": "Going further",
    "home.more.body": "- **Regularisation:** an L1 or L2 penalty on Step and Train, E = mean loss + λ₁·Σ|w| + (λ₂/2)·Σw²; the inspector shows the penalty's share of each weight's gradient and update, and Train's diagram shows the weights shrink.\n- **Gradient health:** Train charts each layer's gradient size over the epochs; a deep sigmoid network beside the same network with ReLU shows the vanishing gradient, and the inspector explains why δ shrinks: each layer back multiplies it by $w \\cdot f'(z)$, and $f' \\le 0.25$ for the sigmoid.\n- **A batch, example by example:** Step a mini-batch of 2–8 rows, each example's forward and backward pass in turn, then the step that averages their gradients into one.\n- **The same numbers in PyTorch:** Step's Code panel gives the pass on screen as a PyTorch script and a NumPy script, in your notation; run them and the same numbers come out.",
}


# ---- Build: architecture, tables, example, presets and initialisations ---------------------
BUILD = {
    "build.title": "Build a network",
    "build.intro": ("Start from a preset or design your own, edit any weight, and choose the example the Step "
                    "page will walk through. Click a neuron in the diagram to edit it."),
    "build.preset": "Preset",
    "build.load_preset": "Load preset",
    "build.preset_loaded": "Loaded the preset: {name}.",
    "build.download": "Download network (JSON)",
    "build.upload": "Upload a network (JSON)",
    "build.upload_help": "A file downloaded from bpviz. An invalid file is rejected and changes nothing.",
    "build.upload_loaded": "Loaded the uploaded network: {network}.",
    "build.upload_rejected": "The file was not loaded, your network is unchanged. {message}",
    "build.error": "Not applied, your network is unchanged: {message}",
    "build.architecture": "Architecture and initialisation",
    "build.inputs": "Inputs",
    "build.hidden_layers": "Hidden layers",
    "build.outputs": "Outputs",
    "build.layer_neurons": "Neurons in layer {layer}",
    "build.layer_activation": "Activation of layer {layer}",
    "build.output_activation": "Output activation",
    "build.loss": "Loss function",
    "build.init": "Initialisation",
    "build.seed": "Random seed",
    "build.apply_architecture": "Apply, keeping my weights",
    "build.apply_architecture_help": ("Weights of neurons that still exist are kept; new ones are drawn "
                                      "with the chosen initialisation and seed."),
    "build.randomise": "New random weights",
    "build.tables": "Weights and biases",
    "build.table_edit_dropped": "An edit of the layer {layer} table was dropped: its {field} {value!r} is not in the "
                                "table (accepted: {accepted}); the network is unchanged.",
    "build.tables_help": ("Row j holds the weights into neuron j of the next layer; column k is the neuron "
                          "they come from; column b is the bias. Press Enter to apply an edit."),
    "build.table_title": "**Layer {source} → layer {target}**",
    "build.neuron": "Selected neuron",
    "build.neuron_hint": "Click a neuron in the diagram to see and edit its bias and incoming weights.",
    "build.neuron_title": "Layer {layer}, neuron {j}",
    "build.bias": "Bias b",
    "build.incoming_weight": "Weight from neuron {k} of layer {source}",
    "build.input_neuron": "An input neuron has no bias or incoming weights: its value is the example's input.",
    "build.add_neuron": "Add a neuron beside it",
    "build.remove_neuron": "Remove this neuron",
    "build.example": "Example for stepping",
    "build.example_help": "The input x fed forward and the target y the loss compares the output with.",
    "preset.worked_example": "Classic worked example (2-2-2)",
    "preset.worked_example.about": ("The hand-worked example found in many tutorials: inputs 0.05 and 0.10, "
                                    "targets 0.01 and 0.99, learning rate 0.5, biases not updated."),
    "preset.xor": "XOR (2-2-1)",
    "preset.xor.about": "The smallest problem a single neuron cannot solve: it needs a hidden layer.",
    "preset.single_neuron": "Single neuron",
    "preset.single_neuron.about": "One sigmoid neuron with two inputs: backpropagation with nothing to propagate.",
    "init.xavier": "Xavier (Glorot) uniform",
    "init.he": "He normal",
    "init.uniform": "Uniform in [−1, 1]",
    "init.zeros": "All zeros (see why symmetry must be broken)",
    "build.neuron_readonly": "Bias b = {bias}; incoming weights: {weights}.",
    "preset.deep_sigmoid": "Deep sigmoid (2-6-6-6-6-6-6-1)",
    "preset.deep_sigmoid.about": "Six hidden sigmoid layers. Going back, each layer multiplies δ by w·σ′(z) with σ′ ≤ 0.25, so the first layers' gradients are hundreds of times smaller than the last's and training stalls. Compare it with Deep ReLU under Train's gradient health.",
    "preset.deep_relu": "Deep ReLU (2-6-6-6-6-6-6-1)",
    "preset.deep_relu.about": "The same weights with ReLU hidden layers: f′ is 0 or 1, so δ keeps its size on the way back and every layer learns.",
}


# ---- Step: settings, buttons, the diagram, the inspector, quiz mode ------------------------
STEP = {
    "step.title": "Step through backpropagation",
    "step.intro": ("One forward pass, the loss, one backward pass and the update, as far as you like at a time. "
                   "Values not computed yet are drawn hollow with a question mark."),
    "step.example": "Example: input **x** = {x}, target **y** = {y}",
    "step.learning_rate": "Learning rate η",
    "step.learning_rate_help": "How far each weight moves against its gradient in the update: w ← w − η ∂E/∂w.",
    "step.granularity": "Step by",
    "step.granularity.layer": "layer",
    "step.granularity.pass": "whole pass",
    "step.update_biases": "Update the biases too",
    "step.cannot_step": "This network cannot be stepped on this example: {message}",
    "step.reset": "Reset",
    "step.previous": "Previous",
    "step.next": "Next step",
    "step.forward_pass": "Forward pass",
    "step.backward_pass": "Backward pass",
    "step.apply_update": "Apply update",
    "step.apply_update_help": "Store the updated weights as your network and start the next pass with them.",
    "step.update_applied": "Update applied. Loss on this example: {before} before, {after} after.",
    "step.position": "Step {number} of {count}: {label}",
    "step.phase_layer": WORDING["step.phase_layer"],   # the engine's English: Step.label
    "step.loss": "Loss E",
    "step.explain.start": "Nothing is computed yet: only the input is known.",
    "step.explain.forward": "Each neuron sums its weighted inputs plus its bias (z), then applies its activation (a).",
    "step.explain.loss": "The output is compared with the target: the loss E measures how far off it is.",
    "step.explain.backward": ("Error terms δ = ∂E/∂z flow backwards; each weight's gradient is the δ of the neuron "
                              "it feeds times the activation it carries."),
    "step.explain.update": "Every weight moves against its gradient: w ← w − η ∂E/∂w. Apply it to keep it.",
    "phase.start": "start",
    "phase.forward": "forward",
    "phase.loss": "loss",
    "phase.backward": "backward",
    "phase.update": "update",
    "inspect.tab.neuron": "Inspector",
    "inspect.tab.matrix": "Matrix view",
    "inspect.tab.update": "Update",
    "inspect.click_hint": "Click a neuron in the diagram, or pick one here.",
    "inspect.neuron": "Neuron",
    "inspect.neuron_name": "layer {layer}, neuron {j}",
    "inspect.nothing_yet": "Nothing is known about this neuron yet at this step. Take a step forward.",
    "inspect.incoming.weight_grad": "Gradients of its {count} incoming weights",
    "inspect.incoming.new_weight": "Its {count} updated incoming weights",
    "inspect.matrix_below": "The layer's matrices are under the diagram.",
    "inspect.matrix_help": "Layer {layer} as matrices. Click a neuron in another layer to see that layer.",
    "inspect.update_preview": "This step shows the update. Press Apply update to keep the new weights.",
    "inspect.update_done": "Last update applied. Loss on the example: {before} before, {after} after.",
    "inspect.update_none": "No update yet: step to the end of the pass, then apply the update.",
    "inspect.view": "Show",
    "inspect.biases_kept": "Biases are not updated in this pass (see the switch above), so the bias keeps its value.",
    "inspect.parameter": "parameter",
    "inspect.old": "before",
    "inspect.new": "after",
    "inspect.change": "change",
    "quantity.z": "Weighted input z",
    "quantity.a": "Activation a",
    "quantity.loss": "Loss E",
    "quantity.delta_output": "Error term δ of an output neuron",
    "quantity.delta_hidden": "Error term δ of a hidden neuron",
    "quantity.weight_grad": "Gradient of a weight",
    "quantity.bias_grad": "Gradient of the bias",
    "quantity.new_weight": "Updated weight",
    "quantity.new_bias": "Updated bias",
    "step.fixed_settings": "Learning rate η = {learning_rate}; {biases}.",
    "step.biases_updated": "biases are updated",
    "step.biases_kept": "biases are kept fixed",
    "quiz.toggle": "Quiz mode: predict each value before it is revealed",
    "quiz.toggle_help": "Type what the next step will compute. Hints come after a miss; each hint costs a point.",
    "quiz.from_link": "Quiz mode is on for this class: predict each value before the next step shows it.",
    "quiz.ask": "Predict **{quantity}** before the next step shows it:",
    "quiz.tolerance": "Checked as right when the relative error is at most 0.001 (0.1 %): "
                      "|prediction − value| ≤ 0.001 · |value| (values under 10⁻⁶ in size count as 10⁻⁶). "
                      "Four significant digits are always enough.",
    "quiz.prediction": "Your prediction",
    "quiz.placeholder": "e.g. {example} — Enter checks it",
    "quiz.check": "Check",
    "quiz.bad_prediction": "Your prediction must be one finite number, typed like {example} (a minus sign, a "
                           "decimal point and a power of ten are all accepted; at most {limit} characters).",
    "quiz.right": "Right: the value is {value}. {points} of {most} points.",
    "quiz.miss": "Not quite ({tries} wrong so far). Try again, or take a hint: each hint costs a point.",
    "quiz.hint": "Hint {number} of {count}",
    "quiz.hint.1": "The formula",
    "quiz.hint.2": "The formula with the numbers",
    "quiz.hint.3": "The answer",
    "quiz.answer_shown": "The answer is shown: no points for this one.",
    "quiz.unlocked": "The next step is unlocked.",
    "quiz.locked": "Type a prediction first: the next values stay hidden until you have tried.",
    "quiz.wait_key": "Answer the question first: the next step stays hidden until you have tried it.",
    "quiz.another": "Another question at this step",
    "quiz.done": "Pass finished. Apply the update, or go back to the start, for another pass.",
    "quiz.score": "Score for this pass",
    "quiz.score_line": "{kind}: {right} of {asked} right · {points} of {most} points",
    "quiz.no_score": "No question answered yet in this pass.",
    "step.settings": "Example, learning rate and step size",
    "step.key_help.reset": "Key: Home (End: the last step)",
    "step.key_help.previous": "Keys: ← or Page Up",
    "step.key_help.next": "Keys: →, Page Down or Space",
    "step.key_hint": "Keys: → / Page Down / Space next, ← / Page Up previous, Home first, End last.",
    "step.tutorial_names": "Tutorial names",
    "step.tutorial_names_help": "Name the 2-2-2 network as the classic worked tutorial does: "
                                "i1 i2, h1 h2, o1 o2, weights w1…w8, biases b1 b2.",
    "step.show_z": "Show z",
    "step.animate": "Animate",
    "step.animate_help": "Values travel along the connections at each step. Off, or when your system asks "
                         "for reduced motion, the diagram changes without moving.",
    "step.diagram_fallback": "This network is large: the diagram labels the {shown} largest of its {total} "
                             "connections; point at any connection for its numbers. Every number is in the "
                             "inspector and the matrix view.",
    "step.diagram_fallback_hover": "This network is large ({total} connections): each neuron shows a and δ to two "
                                   "significant digits; click a neuron to highlight the connections feeding it, or "
                                   "point at (or tap) a neuron or a connection for all its numbers to 9 digits.",
    "phase.average": "average",
    "step.example_step": "example {example} of {count}: {label}",
    "step.explain.average": "The examples' gradients are averaged: ∂E/∂w is the mean of each example's ∂E_n/∂w (plus the penalty's part). Open a weight's gradient in the inspector to see the sum.",
    "step.penalty": "Penalty",
    "step.l1": "L1 penalty λ₁",
    "step.l1_help": "Adds λ₁·Σ|w| to E: each weight's gradient gains λ₁·sign(w), which pulls weights to exactly 0. Biases are not penalised. From 0 to 1.",
    "step.l2": "L2 penalty λ₂",
    "step.l2_help": "Adds (λ₂/2)·Σw² to E: each weight's gradient gains λ₂·w, which shrinks every weight in proportion to its size (weight decay). Biases are not penalised. From 0 to 1.",
    "step.batch": "Step through",
    "step.batch.one": "one example",
    "step.batch.by_example": "a mini-batch, example by example",
    "step.batch_rows": "Rows in the batch",
    "step.batch_help": "Each example's forward pass, loss and backward pass in turn, then one step that averages their gradients, then the update.",
    "step.batch_table": "The batch: the stepping example first, then its inputs moved a little (same targets), as the Train page has no data that fit this network. Edit any cell (edits are not kept in the address).",
    "step.batch_quiz": "Quiz mode steps one example: switch it off to step a batch.",
    "step.batch_bad": "Every cell of the batch table needs a number; until then the page steps one example.",
    "step.batch_pick": "Rows of the data (their row numbers)",
    "step.batch_pick_help": "2 to 8 different rows of the Train page's training data ({rows} rows), by row number from 1, separated by commas, such as 1,2,3,4.",
    "step.batch_pick_bad": "The rows {value!r} are not {accepted}; until then the page steps one example.",
    "step.batch_table_data": "The batch: the rows of the Train page's data listed above. Edit any cell (edits are not kept in the address).",
    "step.batch_edit_dropped": "An edit of the batch table was dropped: its {field} {value!r} is not in the table "
                               "(accepted: {accepted}).",
    "code.title": "Code",
    "inspect.tab.code": "Code",
    "code.intro": "This pass as a script you can run without bpviz: the network and the data are written out, everything else is computed. It prints the loss, every gradient and every updated weight: the numbers on this page.",
    "code.tab.torch": "PyTorch",
    "code.tab.numpy": "NumPy",
    "code.run.torch": "Autograd does the backward pass and torch.optim.SGD the update (needs `pip install torch`).",
    "code.run.numpy": "The backward pass by hand, line by line as in the inspector (needs only NumPy).",
    "code.download": "Download",
    "code.cannot": "No script for this pass: {message}",
    "quantity.objective": "Objective E with the penalty",
    "quantity.delta_shrink": "How much δ shrinks going back one layer",
    "quantity.delta_shrink_bound": "The most it can be: the weights' largest stretch times the largest slope f′",
    "quantity.delta_shrink_total": "How much δ has shrunk since the output layer",
    "inspect.shrink.title": "Why δ is small in layer {layer}",
    "inspect.shrink.rule": "Going back one layer, each δ is the weighted sum of the δs it feeds times its own f′(z): $\\delta^{(l)} = \\big((W^{(l+1)})^\\top \\delta^{(l+1)}\\big) \\odot f'(z^{(l)})$. So every layer multiplies δ by about $w \\cdot f'(z)$: its size changes by at most $\\lVert W \\rVert_2 \\cdot \\max f'$ per layer, and over many layers these factors multiply.",
    "inspect.shrink.sigmoid": "For the sigmoid, $f'(z) = a(1 - a) \\le 0.25$: unless the weights are large, every sigmoid layer shrinks δ at least fourfold, and the first layers of a deep network learn hundreds of times slower than the last.",
    # the lesson (quiz lock, notation, QR code, short links)
    "lock.title": "Hidden in quiz mode until this pass's questions are done",
    "lock.why.landscape": ("The loss landscape draws the gradient of every weight of the current network, the "
                           "numbers the quiz asks you to predict."),
    "lock.why.gradcheck": ("The gradient check prints the backprop gradient of every weight and bias of the "
                           "current network, the numbers the quiz asks you to predict."),
    "lock.why.key": "The answer key of the current network gives every number of this pass.",
    "lock.why.update": "Applying the update would show the new weights before you have predicted them.",
    "lock.why.matrix": "The matrix view would show the next step's numbers.",
    "lock.unlock": ("Unlocks when every question of the pass has been tried on the Step page (step {done} of "
                    "{total} reached). A class's teacher opens the page without quiz mode."),
    "lock.unlock_key": ("In quiz mode the key of the current network is not offered at all: the teacher makes it "
                        "in a session without quiz mode (a link without quiz=1). Keys of a class set are offered."),
    "lock.go_step": "Go to the Step page",
}


# ---- Train: data, settings, Play, outcomes, the learning figures ---------------------------
TRAIN = {
    "train.title": "Train on data",
    "train.intro": ("Many updates in a row: each epoch feeds every training example forward, backpropagates and "
                    "updates the weights (after each example, each mini-batch or once per epoch). Watch the loss "
                    "fall and the decision boundary take shape. Train has its own copy of the network: Build and Step keep "
                    "theirs until you choose to use the trained one there."),
    "train.mismatch": ("Your network ({network}) does not fit these data: they have {inputs} input(s) and "
                       "{outputs} target(s)."),
    "train.learning_rate": "Learning rate η",
    "train.learning_rate_help": "Step size of every update. Too small: slow. Too large: the loss jumps or explodes.",
    "train.decay": "Learning-rate decay",
    "train.decay_help": "Epoch e uses η / (1 + decay · e): big steps first, finer ones later.",
    "train.momentum": "Momentum",
    "train.momentum_help": "Each update keeps this fraction of the previous one: v ← m·v − η·∂E/∂w, w ← w + v.",
    "train.full_batch": "Full batch (one update per epoch)",
    "train.batch_size": "Batch size",
    "train.batch_size_help": "1 = online: one update after every example, as in the classic pseudocode.",
    "train.shuffle": "Shuffle every epoch",
    "train.epochs": "Epochs per click",
    "train.per_redraw": "Epochs per live redraw",
    "train.per_redraw_help": "While playing, this many epochs run between two redraws.",
    "train.fixed_learning_rate": "Learning rate η = {learning_rate} (fixed by this classroom link)",
    "train.target_loss": "Stop at training loss ≤ (0: off)",
    "train.target_loss_help": ("Training stops as soon as the loss on the training set is this small (and every "
                               "example is classified correctly, if that box is ticked). Each data set comes with "
                               "a target low enough for the loss curve to show the whole descent."),
    "train.all_correct": "Stop when all examples are correct",
    "train.all_correct_help": ("With a target loss as well, training stops only when both hold: the loss is at "
                               "most the target and every example is right."),
    "train.bad_setting": "Training settings not accepted: {message}",
    "train.cannot_train": "Training did not run, your network is unchanged: {message}",
    "train.one_epoch": "1 epoch",
    "train.n_epochs": "{epochs} epochs",
    "train.play": "Play",
    "train.pause": "Pause",
    "train.reset": "Reset history",
    "train.reset_help": "Forget the curves and momentum; the network keeps its current weights.",
    "train.stopped.target_loss": "Stopped after epoch {epoch}: the training loss reached the target.",
    "train.stopped.target_loss_all_correct": ("Stopped after epoch {epoch}: the training loss reached the target "
                                               "and every training example is classified correctly."),
    "train.stopped.all_correct": "Stopped after epoch {epoch}: every training example is classified correctly.",
    "train.stopped.diverged": ("Training diverged: the loss became too large or not a number, which usually means "
                               "the learning rate is too high. The last good network (epoch {epoch}) is kept; "
                               "lower the learning rate and try again."),
    "train.epoch": "Epoch",
    "train.train_loss": "Training loss",
    "train.test_loss": "Test loss",
    "train.accuracy": "Training accuracy",
    "train.no_history": "No epochs yet: press 1 epoch, N epochs or Play.",
    "train.no_boundary": "The decision boundary is drawn for networks with one or two inputs.",
    "data.title": "Data: {label}",
    "data.summary": "Data: {label} · {rows} training rows, {test} test rows · {task}",
    "data.task.classification": "classification",
    "data.task.regression": "regression",
    "data.source": "Source",
    "data.source.truth_table": "truth table",
    "data.source.two_d": "2-D points",
    "data.source.sine": "sine curve",
    "data.source.csv": "CSV file",
    "data.table": "Table",
    "data.truth_table.and": "AND truth table",
    "data.truth_table.or": "OR truth table",
    "data.truth_table.xor": "XOR truth table",
    "data.shape": "Shape",
    "data.two_d.circle": "circle",
    "data.two_d.xor": "XOR quadrants",
    "data.two_d.gaussians": "two Gaussians",
    "data.two_d.spiral": "spiral",
    "data.rows": "Points",
    "data.noise": "Noise",
    "data.test_fraction": "Test fraction",
    "data.seed": "Seed",
    "data.use": "Use these data",
    "data.rejected": "These data were not loaded, the current data are unchanged. {message}",
    "data.csv": "CSV file with a header row",
    "data.csv_help": "Numbers only, at most {rows:,} rows. Choose the input and target columns after uploading.",
    "data.csv_inputs": "Input columns",
    "data.csv_targets": "Target columns",
    "train.n_epochs.one": "{epochs} epoch",
    "train.set_up": ("Train set up a network for the {data}: {network}, learning rate η = {learning_rate:g}. "
                     "It is Train's own: Build and Step keep yours until you press \"Use this network on Step\"."),
    "train.use_on_step": "Use this network on Step",
    "train.use_on_step_help": "Build and Step then show the trained network (yours there is replaced).",
    "train.used_on_step": "Build and Step now show the trained network.",
    "train.diagram_title": "The network being trained: colour and width show each weight",
    "train.diagram_while_playing": "The diagram below shows the weights as they were when Play started; it catches "
                                   "up when Play stops or you pause.",
    "train.epochs_bound": ("At most {most:,} epochs per click: that is all one click may compute for this network "
                           "({count:,} parameters) on {rows:,} rows. Fewer rows or a larger batch allow more."),
    "train.redraw_bound": ("At most {most:,} epochs per live redraw: that is all one redraw may compute for this "
                           "network on {rows:,} rows."),
    "train.no_room": ("One epoch with these settings is more than one click may compute for this network "
                      "({count:,} parameters) on {rows:,} rows: use a larger batch or fewer rows."),
    "train.no_play": ("Play needs one epoch per redraw to fit in a redraw's work budget: use a larger batch or "
                      "fewer rows."),
    "train.play_help": ("Trains and redraws until every example is right (if that box is ticked), the target loss "
                        "is reached, {epochs:,} epochs have run or {minutes} minutes have passed."),
    "train.stopped.play_epochs": "Play stopped after {epochs:,} epochs, the most one Play runs. Press Play to go on.",
    "train.stopped.play_time": "Play stopped after {minutes} minutes, the longest one Play runs. Press Play to go on.",
    "train.plateau": ("The training loss has improved by less than 1 % over the last {window} epochs ({before} → "
                      "{now}): training is stuck on a plateau. What often helps: more hidden neurons (Build), a "
                      "different learning rate, or new random weights (Build → New random weights)."),
    "train.l1": "L1 penalty λ₁",
    "train.l1_help": "Adds λ₁·Σ|w| to the loss that training descends (weights only): pulls weights to exactly 0.",
    "train.l2": "L2 penalty λ₂",
    "train.l2_help": "Adds (λ₂/2)·Σw² to the loss that training descends (weights only): weight decay.",
    "train.penalty": "Penalty λ₁Σ|w| + (λ₂/2)Σw²",
    "train.weight_size": "Σ|w| of the weights",
    "train.health.title": "Gradient health",
    "train.health.empty": "Train for an epoch to see each layer's gradient size.",
    "train.health.last": "After epoch {epoch}, the RMS of ∂E/∂W is {first} in the first weight layer and {last} in the last ({layers} layers): first / last = {ratio}.",
    "train.health.compare_title": "Vanishing gradient: deep sigmoid vs deep ReLU",
    "train.weights_now": "Σ|w| of the weights now: {size} · the penalty λ₁Σ|w| + (λ₂/2)Σw² after the last epoch: {penalty}",
    "train.health.compare_help": "Both presets (2-6-6-6-6-6-6-1, the same weights) trained full batch on the circle data at η = 0.1, each layer's RMS gradient per epoch.",
    "train.health.compare_note": "After one epoch the sigmoid network's first layer gets an RMS gradient of {sigmoid_first}, its output layer {sigmoid_out}: each sigmoid layer multiplies δ by w·σ′(z), with σ′ ≤ 0.25. The ReLU network's are {relu_first} and {relu_out}. After {epochs} epochs the sigmoid network classifies {sigmoid_accuracy} of the points right, the ReLU network {relu_accuracy}.",
}


# ---- Landscape: one and two parameters -----------------------------------------------------
LANDSCAPE = {
    "landscape.title": "The loss landscape",
    "landscape.intro": ("Hold every parameter but one fixed and the loss becomes a curve. Its slope at the current "
                        "value is exactly the gradient backpropagation computes, and the update steps downhill "
                        "along it. With two parameters the curve becomes a surface, and repeated updates trace a "
                        "path down it."),
    "landscape.data": "Loss measured on",
    "landscape.data.example": "the stepping example",
    "landscape.data.training": "the training data ({label})",
    "landscape.one": "One parameter",
    "landscape.two": "Two parameters",
    "landscape.parameter": "Parameter",
    "landscape.parameter_x": "Parameter on the x axis",
    "landscape.parameter_y": "Parameter on the y axis",
    "landscape.same_parameter": "Choose two different parameters.",
    "landscape.steps": "Gradient-descent steps",
    "landscape.learning_rate": "Learning rate η for the path",
    "landscape.resolution": "Grid points per axis",
    "landscape.value": "value",
    "landscape.loss": "loss E",
    "landscape.table_help": "The loss for a few values of {name} around its current value, everything else fixed.",
    "landscape.view": "Show",
    "landscape.points_bound": ("The curve uses {points} values: that is all one view may compute for this network on "
                               "{rows:,} rows."),
    "landscape.grid_bound": ("At most {most} grid points per axis and {steps:,} descent steps: that is all one view "
                             "may compute for this network ({count:,} parameters) on {rows:,} rows."),
}


# ---- Gradient check ------------------------------------------------------------------------
GRADCHECK = {
    "gradcheck.title": "Check the gradients",
    "gradcheck.intro": ("A numerical gradient nudges each parameter by ±ε and measures how the loss changes: slow, "
                        "but independent of backpropagation. If the two agree, the backward pass is right. Switch "
                        "on a classic mistake to see the check catch it (mistakes are only taught here, never "
                        "used for training)."),
    "gradcheck.mistake": "Backward pass",
    "gradcheck.mistake.none": "correct",
    "gradcheck.mistake.none.about": "δ of each hidden layer = (Wᵀ δ of the next layer) ⊙ f′(z); gradients averaged over the batch.",
    "gradcheck.mistake.no_activation_derivative": "mistake: forget f′(z) in hidden layers",
    "gradcheck.mistake.no_activation_derivative.about": "The hidden δ is taken as Wᵀ δ of the next layer, without multiplying by the activation's derivative.",
    "gradcheck.mistake.updated_weights_for_hidden_deltas": "mistake: use the updated weights for hidden deltas",
    "gradcheck.mistake.updated_weights_for_hidden_deltas.about": "The output layer's weights are updated first and the new weights carry δ backwards; backpropagation must use the weights of the forward pass.",
    "gradcheck.mistake.sum_not_mean": "mistake: sum the examples' gradients",
    "gradcheck.mistake.sum_not_mean.about": "The loss is the batch mean, so its gradient is the mean of the examples' gradients, not their sum (the same only for one example).",
    "gradcheck.verdict.pass": "Pass: backprop and numerical gradients agree (largest relative error {error}).",
    "gradcheck.verdict.warn": "Doubtful: largest relative error {error}. Kinks of relu or a large ε can cause this.",
    "gradcheck.verdict.fail": "Fail: the backward pass is wrong (largest relative error {error}).",
    "gradcheck.cannot": "The check cannot run on this network and data: {message}",
    "gradcheck.parameter": "parameter",
    "gradcheck.analytic": "backprop",
    "gradcheck.numerical": "numerical",
    "gradcheck.relative_error": "relative error",
    "gradcheck.rows_bound": ("The check uses the first {used:,} of the {rows:,} training rows: central differences "
                             "of {count:,} parameters on more rows are more than one click may compute."),
}


# ---- Share: links, classroom links, the address bar's warnings -----------------------------
SHARE = {
    "share.title": "Share a network, or make a classroom link",
    "share.intro": ("A link carries the whole network, the example and the learning rate, so whoever opens it "
                    "starts exactly where you are. For a class, pick what students start from and which "
                    "controls they see."),
    "share.source": "Network in the link",
    "share.current": "my current network",
    "share.hide": "Controls to hide from students",
    "share.hide_help": "Hidden controls keep their values from the link; students can still step and inspect.",
    "share.control.presets": "preset picker",
    "share.control.files": "download and upload",
    "share.control.architecture": "architecture form",
    "share.control.tables": "weight tables",
    "share.control.example": "example editor",
    "share.control.learning_rate": "learning rate and bias switch",
    "share.lang": "Language",
    "share.page": "The link opens",
    "share.copy_hint": "Copy this link ({chars:,} characters) and share it:",
    "share.open": "Open the link",
    "link.bad_lang": "The link's language {value!r} is unknown (accepted: {accepted}).",
    "link.bad_hide": "The link asks to hide unknown controls: {value} (accepted: {accepted}).",
    "link.bad_network": "The link's network could not be loaded, so you start from the default network. {message}",
    "link.fixed": "This classroom link fixes the {control}, so it cannot be changed here.",
    "link.bad_step": "The link's step position {value!r} is not a whole number from 0 to {most} (digits 0-9, no "
                     "leading zeros), so you start at the first step.",
    "link.refused": "The link's parameter {name} ({value!r}) was ignored; accepted: {accepted}.",
    "reader.accepted.once": "the parameter given once",
    "reader.accepted.text": "text of at most {chars} characters",
    "reader.accepted.whole": "a whole number from {low} to {high} in digits 0-9, without leading zeros",
    "reader.accepted.choice": "one of {choices}",
    "reader.accepted.rows": "{least} to {most} different row numbers from 1 to {high}, separated by commas (such as 1,2,3)",
    "reader.accepted.widget.bool": "on or off (true or false)",
    "reader.accepted.widget.number": "a finite number",
    "reader.accepted.widget.text": "text of at most 10,000 characters",
    "reader.accepted.widget.list": "a list of the control's options",
    "reader.accepted.widget.map": "the control's own record of edits",
    "reader.accepted.widget.other": "a value of the kind the control sends",
    "reader.accepted.table_row": "a row number from 0 to {last} in digits 0-9",
    "reader.accepted.fixed_rows": "the table's {rows} rows, none added or deleted",
    "table.row": "row",
    "table.column": "column",
    "table.value": "cell value",
    "table.rows_changed": "added or deleted rows",
    "table.edit": "edit",
    "widget.refused": "A value for the control {name} ({value!r}) is not one that control sends, so the control was "
                      "reset; accepted: {accepted}.",
    "link.bad_granularity": "The link's step size {value!r} is unknown (accepted: {accepted}).",
    "link.bad_quiz": "The link's quiz setting {value!r} must be 0 (off) or 1 (on).",
    "link.bad_data": "The link's data set {value!r} could not be made, so Train starts from its own data "
                     "(accepted: {accepted}). {message}",
    "link.csv_again": "This address comes from a session that trained on an uploaded CSV file. A file cannot "
                      "travel in an address: upload it again on the Train page.",
    "share.quiz": "Quiz mode: students predict each value before it is shown",
    "share.quiz_help": "The Step page opens in quiz mode without the switch to turn it off: the next values stay "
                       "hidden until the student has typed a prediction.",
    "link.bad_penalty": "The link's penalty {value!r} is not two numbers λ₁,λ₂ from 0 to {most} (such as 0.01,0.1), so the penalty stays at 0.",
    # the lesson (quiz lock, notation, QR code, short links)
    "share.quiz_only": ("Quiz mode is on in this session, so only quiz links are offered: the link keeps the "
                        "answers hidden too."),
    "share.qr": "Scan to open",
    "share.qr_help": ("The classroom link as a QR code: project it (use the full-screen button on the code) and "
                      "students open the link with a phone's camera."),
    "share.qr_title": "QR code of the classroom link",
    "share.qr_too_long": ("This link ({chars} characters) is too long for a QR code, which holds about 2,300: "
                          "share a preset or a network with rounded weights, or send the link itself."),
    "share.short": "Short link: {chars} characters",
    "share.long": ("This network's numbers have many digits, so its link is long ({chars} characters): round the "
                   "weights on the Build page, or start from a preset, for a link to type."),
    "share.names": "Names in the link",
    "share.names.tutorial": "tutorial (w1…w8, h1, o1)",
    "share.names.layer": "by layer (w⁽²⁾₀₀)",
    "link.bad_names": "The link's names '{value}' are not one of {accepted}; the default is used.",
    "link.bad_switch": "The link's {name} '{value}' must be 0 or 1; the default is used.",
    "link.bad_view": "The link's view '{value}' is not one of {accepted}; the default is used.",
    "link.bad_selected": ("The link's selected neuron '{value}' is not a neuron of this network (layer.neuron, "
                          "e.g. 1.0); none is selected."),
    "link.bad_quiz_work": "The link's quiz answers '{value}' could not be read; the pass starts afresh.",
    "link.bad_history": "The link's training history '{value}' could not be read; training starts afresh.",
}


# ---- Worksheets: the page and the printed sheets -------------------------------------------
WORKSHEETS = {
    "ws.title": "Worksheets",
    "ws.intro": "Printable sheets for working one pass by hand: the network with its weights and biases, the "
                "example and the learning rate, then a blank for every value of the forward pass, the loss, the "
                "backward pass and the update. The answer key gives each value as formula, numbers and result.",
    "ws.source": "Problems from",
    "ws.source.class_set": "a class set of seeded random networks",
    "ws.source.current": "the current network and example",
    "ws.seed": "First seed",
    "ws.seed_help": "Sheet i uses seed first seed + i − 1. The same seed always gives the same sheet.",
    "ws.count": "Number of sheets",
    "ws.paper": "Paper",
    "ws.paper.a4": "A4",
    "ws.paper.us-letter": "US Letter",
    "ws.lang": "Language of the sheets",
    "ws.generate": "Make the PDFs",
    "queue.ahead": "Waiting in the server's queue: {count} ahead of you. You can go on working meanwhile.",
    "queue.ahead.one": "Waiting in the server's queue: 1 ahead of you. You can go on working meanwhile.",
    "queue.making": "Being made now. You can go on working meanwhile.",
    "queue.failed": "The server could not finish this: press the button again.",
    "queue.failed_page": "The server could not finish this; it tries again when you change a setting or reload the page.",
    "ws.made": "Made {count} sheet(s): worksheets {sheet_kb} KB, answer key {key_kb} KB.",
    "ws.seeds": "Seeds {first} to {last}.",
    "ws.download_sheets": "Worksheets (PDF)",
    "ws.download_key": "Answer key (PDF)",
    "ws.download_sheets_source": "Worksheets (Typst source)",
    "ws.download_key_source": "Answer key (Typst source)",
    "ws.edit_hint": "To change a sheet, edit its Typst source and compile it with Typst "
                    "(typst compile worksheet.typ).",
    "ws.font_missing": "This server has no Chinese font, so Chinese sheets cannot be made: install the Python "
                       "package pylopdf-fonts-zh-cn (it is in requirements.txt). English sheets still work.",
    "ws.prefilled": "Forward pass filled in (easier sheets)",
    "ws.prefilled_help": "The sheets print every z and a of the forward pass (6 significant digits), so students "
                         "start at the loss. The answer key is the same.",
    "ws.qr": "A QR code on each sheet that opens its network in the app",
    "ws.qr_help": "The code is the sheet's share link: it opens that exact network and example on the Step page, "
                  "so a student can check a step on screen.",
    "ws.app_url": "Address students open the app at",
    "ws.app_url_help": "Leave it empty to use this server's address (shown greyed). Type another one if students "
                       "reach the app by a different name, e.g. behind a school proxy.",
    "ws.no_app_url": "This server's address is not known yet: type the address students open the app at, like "
                     "{example}, or the sheets will have no QR codes.",
    "ws.bad_app_url": "The address must start with http:// or https:// and name a server, like {example}. The "
                      "sheets will have no QR codes until it does.",
    # the lesson (quiz lock, notation, QR code, short links)
    "ws.made_no_key": "Made {count} sheet(s): worksheets {sheet_kb} KB, no answer key in quiz mode.",
    "worksheets.names": "The sheets name everything as the class sees it: {names}.",
}


# ---- errors: the engine's and the interface's messages, field names --------------------
# Field names a learner can meet in a message, as the engine writes them: English shows them
# as they are; zh.py translates the words.
ERRORS = {
    **{f"error.{code}": text for code, text in {**MESSAGES, **errors.MESSAGES}.items()},
    "field.X (inputs)": "X (inputs)",
    "field.Y (targets)": "Y (targets)",
    "field.n (rows)": "n (rows)",
    "field.truth table name": "truth table name",
    "field.2-D data set name": "2-D data set name",
    "field.link x (example input)": "link x (example input)",
    "field.link y (example target)": "link y (example target)",
    "field.parameter layer": "parameter layer",
    "field.parameter j": "parameter j",
    "field.parameter k": "parameter k",
    "field.seed": "seed",
    "field.noise": "noise",
    "field.epochs": "epochs",
    "field.batch_size": "batch_size",
    "field.momentum": "momentum",
    "field.decay": "decay",
    "field.target_loss": "target_loss",
    "field.test_fraction": "test_fraction",
    "field.learning_rate": "learning_rate",
    "field.layer": "layer",
    "field.neuron": "neuron",
    "field.position": "position",
    "field.scale": "scale",
    "field.steps": "steps",
    "field.input_columns": "input_columns",
    "field.target_columns": "target_columns",
    "field.sizes": "sizes",
}

SECTIONS = {"common": COMMON, "build": BUILD, "step": STEP, "train": TRAIN, "landscape": LANDSCAPE,
            "gradcheck": GRADCHECK, "share": SHARE, "worksheets": WORKSHEETS, "errors": ERRORS}
EN = {**FIGURE_TEXT_EN, **{key: text for section in SECTIONS.values() for key, text in section.items()}}
