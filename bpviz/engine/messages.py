"""The engine's English, in one place: the text of every `NetworkError`, by code
(`MESSAGES`), and what the engine says in prose (`WORDING`: a network's one-line
description, a step's label, how a training call ended), with `english()` to fill it.

A `NetworkError` carries a code (a key here) and the values its message needs;
`str(error)` is the template below filled with those values. A user interface
can look the code up in its own catalogue instead and show the same message in
another language (bpviz's Chinese catalogue has every code: a test checks).

Templates use `str.format` fields; `{name!r:.40}` quotes a value and cuts it at
40 characters, so a hostile value cannot flood a message.
"""
from types import MappingProxyType

MESSAGES = MappingProxyType({
    # Types: a caller passed the wrong kind of object (a programming error, not a learner's)
    "wrong_type": "{field} must be a {expected}, got {got}",
    "unknown_choice": "{field} must be one of {choices}, got {got!r:.40}",
    # Numbers and arrays (validation.py)
    "not_whole_number": "{field} must be a whole number from {low} to {high}, got {got}",
    "out_of_range": "{field} must be from {low} to {high}, got {value}",
    "not_a_number": "{field} must be a number, got {got}",
    "number_out_of_range": "{field} must be a finite number in {bracket}{low:g}, {high:g}], got {value:g}",
    "not_true_or_false": "{field} must be true or false, got {got}",
    "array_not_numbers": "{field} must hold only numbers, in shape {shape}",
    "array_not_convertible": "{field} must be an array of numbers of shape {shape}",
    "array_wrong_shape": "{field} must have shape {shape}, got {got}",
    "array_entry_out_of_range": "{field}{where} must be a finite number in [{low:g}, {high:g}], got {value:g}",
    "batch_not_numbers": "{field} must be numbers in rows of {width} (no text or true/false)",
    "batch_not_convertible": "{field} must be numbers in rows of {width}",
    "batch_wrong_shape": "{field} must have shape (n, {width}) or ({width},), got {got}",
    "batch_row_count": "{field} must have from 1 to {max_rows} rows, got {rows}",
    "batch_not_finite": "{field} must contain only finite numbers in [{low:g}, {high:g}] (no NaN or infinity)",
    "rows_mismatch": "{y_field} must have one row per row of {x_field} ({rows}), got {got}",
    # The network (network.py, edit.py, update.py)
    "sizes_not_list": "{field} must be a list of neuron counts, input layer first",
    "sizes_layer_count": "{field} must list from 2 to {most} layers (at most {hidden} hidden), got {count}",
    "activations_count": "activations must list one name per non-input layer ({count})",
    "matrix_dimensions": "{field} must be a matrix (2 dimensions), got {dimensions}",
    "matrix_ragged": "{field} must have rows of equal length",
    "not_a_matrix": "{field} must be a matrix: a list of rows of numbers",
    "matrix_size": "{field} must have 1 to {max_rows} rows of 1 to {max_columns} numbers, got {got}",
    "weights_count": "weights must be a list of 1 to {most} matrices",
    "weights_columns": "weights[{l}] must have {columns} columns (one per neuron of layer {l}), got {got}",
    "biases_count": "biases must be a list of {count} vectors, one per non-input layer",
    "layer_too_small": "layer {layer} must keep at least 1 neuron",
    "layer_too_big": "layer {layer} must have at most {limit} neurons",
    "update_too_big": "the update would make {field}[{l}] non-finite or larger than {limit:g} in size: "
                      "learning_rate {learning_rate:g} is too high for these gradients (accepted: a step "
                      "that keeps every parameter in [{low:g}, {limit:g}])",
    "gradients_count": "{field} must hold {count} arrays shaped like the network's parameters",
    "gradient_shape": "{field}[{l}] must be a real array of shape {shape}, got {got}",
    "bad_trace": "trace must be the Trace that forward(net, X) returned for this network",
    "loss_undefined": "the loss {loss} is not defined for this network's output {output} (e.g. a log of a "
                      "value ≤ 0)",
    "loss_undefined_on_data": "the loss {loss} is not defined for this network's outputs on the training "
                              "data (e.g. the log of an output ≤ 0): choose another output activation or loss",
    "not_known_yet": "{quantity} of layer {layer}, neuron {j} is not known yet at step {number}; known: {known}",
    # Training (training.py)
    "momentum_range": "momentum must be a finite number in [0, 1), got {value:g}",
    "history_type": "history must be a tuple of EpochRecord",
    "stopped_value": "stopped must be None or one of {choices}",
    "initial_loss_value": "initial_loss must be None or a finite number, got {got!r:.40}",
    "velocity_shape": "velocity must be None or a ParameterGradients shaped like the network",
    "test_data_pair": "X_test and Y_test must be given together, or neither",
    "rows_limit": "training and test rows together must be at most {limit}, got {train} + {test}",
    # The work budget (budget.py): one call may do at most limits.WORK_BUDGET parameter-passes
    "budget_epochs": "{epochs:,} epochs on {rows:,} training and {test:,} test rows are more work than one call "
                     "may do with this network: use at most {most:,} epochs, or fewer rows, or a larger batch_size",
    "budget_one_epoch": "one epoch on {rows:,} training and {test:,} test rows in batches of {batch:,} is more work "
                        "than one call may do with this network: use a larger batch_size or fewer rows",
    "budget_points": "{count:,} values on {rows:,} rows are more work than one call may do with this network: use "
                     "at most {most:,} values, or fewer rows",
    "budget_grid": "a grid of {columns} × {lines} = {count:,} points on {rows:,} rows is more work than one call may "
                   "do with this network: use at most {most:,} points (such as {side} × {side}), or fewer rows",
    "budget_steps": "{steps:,} gradient-descent steps on {rows:,} rows are more work than one call may do with this "
                    "network: use at most {most:,} steps, or fewer rows",
    "budget_check_rows": "a gradient check of {count:,} parameters on {rows:,} rows is more work than one call may "
                         "do: use at most {most:,} rows, or a smaller network",
    "budget_step_rows": "one pass on {rows:,} rows is more work than one call may do with this network: use at most "
                        "{most:,} rows",
    # Data sets (datasets.py)
    "targets_not_numbers": "Y (targets) must be numbers in rows of 1 to {most} targets",
    "data_shape": "{field} must have shape (n, 1 to {most})",
    "names_tuple": "{field} must be a tuple of {width} strings",
    # Landscapes (landscape.py)
    "bad_parameter_ref": "parameter must be a ParameterRef of kind 'weight' or 'bias'",
    "grid_same_parameter": "the two parameters of a loss grid must differ",
    # Presets and network files (presets.py, serialization.py)
    "unknown_preset": "preset: unknown name {got!r:.40}; accepted: {choices}",
    "json_not_object": "network must be a JSON object (dict), got {got}",
    "json_format": "format must be {expected!r}, got {got!r:.40}",
    "json_version": "version must be {expected}, got {got!r:.40}",
    "json_missing_fields": "network is missing the field(s): {fields}",
    "json_sizes": "sizes must match the weights' shapes {expected}, got {got!r:.60}",
    "json_too_many_bytes": "network file must be at most {limit:,} bytes, got {size:,}",
    "json_too_many_characters": "network file must be at most {limit:,} characters, got {size:,}",
    "json_binary": "network file must be UTF-8 text (JSON), not binary data",
    "json_not_text": "network file must be JSON text",
    "json_too_deep": "network file is nested too deeply to be a network",
    "json_invalid": "network file is not valid JSON (line {line}, column {column})",
    "json_unreadable_value": "network file holds a value that cannot be read as a number or text (e.g. a "
                             "number thousands of digits long)",
    # Share links (share.py)
    "link_not_text": "link: the network parameter must be text",
    "link_too_long": "link: the network parameter must be at most {limit:,} characters, got {size:,}",
    "link_version": "link: the network parameter must start with '{version}.' (a link made by this version "
                    "of bpviz)",
    "link_no_network": "link: the network parameter does not hold a network",
    "link_update_biases": "link update_biases must be true or false",
    "link_not_base64": "link: the network parameter is damaged (not valid base64)",
    "link_not_compressed": "link: the network parameter is damaged (cannot be decompressed)",
    "link_numbers": "link: the network parameter holds {got:g} numbers where its sizes need {expected}",
    "link_cut": "link: the network parameter is cut short (copy the whole link)",
    "link_trailing": "link: the network parameter has {count} unexpected bytes after its end (copy the link exactly)",
    "link_too_large": "link: the network parameter unpacks to more than {limit:,} bytes",
    "link_too_deep": "link: the network parameter is nested too deeply",
    "link_not_json": "link: the network parameter is damaged (not JSON)",
    # CSV files (csv_data.py)
    "csv_max_bytes": "max_bytes must be a whole number from 1 to {limit}",
    "csv_too_many_bytes": "CSV file must be at most {limit:,} bytes, got {size:,}",
    "csv_binary": "CSV file must be UTF-8 text, not binary data",
    "csv_type": "CSV file must be text or bytes, got {got}",
    "csv_nul": "CSV file must be text, not binary data (it contains NUL bytes)",
    "csv_empty": "CSV file is empty: it needs a header row of column names and data rows",
    "csv_malformed": "CSV file is malformed at line {line}",
    "csv_too_many_columns": "CSV header (line {line}) must have at most {limit} columns, got {count}",
    "csv_no_header": "CSV file needs a header row of column names on line {line}, but that line holds only "
                     "numbers",
    "csv_unnamed_column": "CSV header column {column} is empty: every column needs a name",
    "csv_repeated_name": "CSV header column {column} repeats the name {name!r:.40}: column names must be unique",
    "csv_column_count": "{field} must list 1 to {limit} column names",
    "csv_unknown_column": "{field}: {name!r:.40} is not a column of the CSV file (columns: {columns})",
    "csv_column_twice": "{field} must not name a column twice",
    "csv_not_a_number": "CSV line {line}, column {column!r:.40}: {cell!r:.40} is not a number (write plain "
                        "digits 0-9 with an optional sign, decimal point and exponent, e.g. -1.5 or 2e-3)",
    "csv_number_range": "CSV line {line}, column {column!r:.40}: must be a finite number in [{low:g}, {high:g}], "
                        "got {cell!r:.40}",
    "csv_shared_column": "input_columns and target_columns must not share a column, both have {name!r:.40}",
    "csv_name_type": "name must be a string",
    "csv_ragged_row": "CSV line {line} has {count} cells but the header has {width}: every row needs one cell "
                      "per column",
    "csv_too_many_rows": "CSV file must have at most {limit} data rows",
    "csv_no_rows": "CSV file has a header but no data rows",
})


# ---- prose (not errors) ----------------------------------------------------------------
# Each entry is a `str.format` template keyed by a code; the engine fills it with values,
# and the app's English catalogue takes the same templates from here (so there is one
# English source), while its other languages translate the same codes. A key ending in
# ".one" is the singular form of the key without it, used when the count is 1.
WORDING = MappingProxyType({
    "network.describe": "{layers} · {activations} · {loss} · {count} parameters",
    "step.phase_layer": "{phase}, layer {layer}",
    # how a training call ended (TrainingResult.message)
    "training.epochs": "Trained {epochs} epochs ({total} in total); the training loss is now {loss:.6g}.",
    "training.epochs.one": "Trained {epochs} epoch ({total} in total); the training loss is now {loss:.6g}.",
    "training.target_loss": "Stopped after epoch {epoch}: the training loss {loss:.6g} reached the target {target:g}.",
    "training.all_correct": "Stopped after epoch {epoch}: every training example is classified correctly.",
    "training.diverged": ("Training diverged in epoch {epoch}: {problem}. The learning rate ({learning_rate:g}) is "
                          "probably too high; try a smaller one. {kept} is kept."),
    "training.kept_start": "The starting network",
    "training.kept_epoch": "The network from the end of epoch {epoch}",
    # what went wrong in a diverging epoch
    "divergence.parameter_not_finite": "a weight or bias became NaN or infinite",
    "divergence.parameter_too_big": "a weight or bias grew beyond ±{limit:g}",
    "divergence.loss_not_finite": ("the loss became NaN or infinite (an output reached a value where the loss is "
                                   "undefined, such as ln 0)"),
    "divergence.loss_exploded": "the loss exploded to {loss:.3g}, more than {factor:g} times its starting value",
})


def plural_form(texts, key, count):
    """The template of `key` for `count` things: its ".one" form when count is 1 and
    `texts` has one (English does; a language without plurals need not)."""
    return texts.get(f"{key}.one", texts[key]) if count == 1 else texts[key]


def english(code, count=None, /, **values):
    """The English text of `code` (a key of WORDING) for `count` things (None: no plural
    form), filled with `values` (which may have their own "count": the first two are
    positional-only)."""
    template = WORDING[code] if count is None else plural_form(WORDING, code, count)
    return template.format(**values)
