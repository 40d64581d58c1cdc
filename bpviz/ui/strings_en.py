"""English catalogue: every string the app shows, by key. Keep keys in step
with the other catalogues (a test checks they match)."""

from bpviz.engine import WORDING
from bpviz.viz import TEXT_EN as FIGURE_TEXT_EN

from . import (
    strings_diagram,
    strings_errors,
    strings_health,
    strings_practice,
    strings_text,
    strings_train,
    strings_url,
)

EN = {
    **FIGURE_TEXT_EN,   # figure titles, axis names and hover words, defined beside each figure
    **strings_url.EN,   # the address bar and classroom links
    **strings_errors.english(),   # the engine's error messages and field names
    **strings_health.EN,
    **strings_practice.EN,   # quiz mode, the Worksheets page and the printed sheets
    **strings_train.EN,
    **strings_diagram.EN,   # the Step page's hero diagram
    **strings_text.EN,   # the page-edge error
    # navigation and frame
    "nav.home": "Home",
    "nav.build": "Build",
    "nav.step": "Step",
    "sidebar.network": "Current network",
    "sidebar.language": "Language",
    "sidebar.describe": WORDING["network.describe"],   # the engine's English: Network.describe()

    # home
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

    # build
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
    "build.table_edit_dropped": "An edit of the layer {layer} table named a cell the table does not have, so it was dropped; the network is unchanged.",
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

    # presets and initialisations
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

    # step
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

    # inspector
    "inspect.tab.neuron": "Inspector",
    "inspect.tab.matrix": "Matrix view",
    "inspect.tab.update": "Update",
    "inspect.click_hint": "Click a neuron in the diagram, or pick one here.",
    "inspect.neuron": "Neuron",
    "inspect.neuron_name": "layer {layer}, neuron {j}",
    "inspect.nothing_yet": "Nothing is known about this neuron yet at this step. Take a step forward.",
    "inspect.incoming.weight_grad": "Gradients of its {count} incoming weights",
    "inspect.incoming.new_weight": "Its {count} updated incoming weights",
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

    # share links
    "nav.share": "Share",
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
    "build.neuron_readonly": "Bias b = {bias}; incoming weights: {weights}.",
    "step.fixed_settings": "Learning rate η = {learning_rate}; {biases}.",
    "step.biases_updated": "biases are updated",
    "step.biases_kept": "biases are kept fixed",

    # train
    "nav.train": "Train",
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
    "train.all_correct": "Stop when every example is classified correctly",
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

    # landscape
    "nav.landscape": "Landscape",
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
    # gradient check
    "nav.gradcheck": "Gradient check",
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
}
