"""The engine's error messages and field names in every language of the app.

English comes from the engine itself (`bpviz.engine.MESSAGES`) and, for the errors
the interface raises itself, from `bpviz.ui.errors.MESSAGES`; the Chinese texts below
take the same `{values}`. Field names that are words
("truth table name") are translated too; names that are symbols or code
(`weights[0]`, `batch_size`) are shown as they are.
"""
from bpviz.engine import MESSAGES
from bpviz.ui import errors

# Field names a learner can meet in a message, as the engine writes them (English shows
# them as they are), and their Chinese.
FIELDS_ZH = {
    "X (inputs)": "X（输入）",
    "Y (targets)": "Y（目标）",
    "n (rows)": "n（行数）",
    "truth table name": "真值表名称",
    "2-D data set name": "二维数据集名称",
    "link x (example input)": "链接中的 x（样本输入）",
    "link y (example target)": "链接中的 y（样本目标）",
    "parameter layer": "参数所在层",
    "parameter j": "参数的 j",
    "parameter k": "参数的 k",
    "seed": "随机种子",
    "noise": "噪声",
    "epochs": "轮数",
    "batch_size": "批量大小",
    "momentum": "动量",
    "decay": "学习率衰减",
    "target_loss": "目标损失",
    "test_fraction": "测试集比例",
    "learning_rate": "学习率",
    "layer": "层",
    "neuron": "神经元",
    "position": "插入位置",
    "scale": "初始权重尺度",
    "steps": "步数",
    "input_columns": "输入列",
    "target_columns": "目标列",
    "sizes": "各层神经元数",
}

ERRORS_ZH = {
    "wrong_type": "{field} 必须是 {expected}，收到的是 {got}",
    "unknown_choice": "{field} 必须是以下之一：{choices}；收到的是 {got!r:.40}",
    "not_whole_number": "{field} 必须是 {low} 到 {high} 之间的整数，收到的是 {got}",
    "out_of_range": "{field} 必须在 {low} 到 {high} 之间，收到的是 {value}",
    "not_a_number": "{field} 必须是数字，收到的是 {got}",
    "number_out_of_range": "{field} 必须是区间 {bracket}{low:g}, {high:g}] 内的有限数，收到的是 {value:g}",
    "not_true_or_false": "{field} 必须是 true 或 false，收到的是 {got}",
    "array_not_numbers": "{field} 只能包含数字，形状为 {shape}",
    "array_not_convertible": "{field} 必须是形状为 {shape} 的数字数组",
    "array_wrong_shape": "{field} 的形状必须是 {shape}，收到的是 {got}",
    "array_entry_out_of_range": "{field}{where} 必须是区间 [{low:g}, {high:g}] 内的有限数，收到的是 {value:g}",
    "batch_not_numbers": "{field} 必须是每行 {width} 个数字（不能有文字或 true/false）",
    "batch_not_convertible": "{field} 必须是每行 {width} 个数字",
    "batch_wrong_shape": "{field} 的形状必须是 (n, {width}) 或 ({width},)，收到的是 {got}",
    "batch_row_count": "{field} 必须有 1 到 {max_rows} 行，收到 {rows} 行",
    "batch_not_finite": "{field} 只能包含区间 [{low:g}, {high:g}] 内的有限数（不能有 NaN 或无穷大）",
    "rows_mismatch": "{y_field} 的行数必须与 {x_field} 相同（{rows} 行），收到 {got} 行",
    "sizes_not_list": "{field} 必须是各层神经元数的列表，从输入层开始",
    "sizes_layer_count": "{field} 必须列出 2 到 {most} 层（隐藏层至多 {hidden} 个），收到 {count} 层",
    "activations_count": "activations 必须为每个非输入层各给出一个名称（共 {count} 个）",
    "matrix_dimensions": "{field} 必须是矩阵（二维），收到的是 {dimensions} 维",
    "matrix_ragged": "{field} 的各行长度必须相同",
    "not_a_matrix": "{field} 必须是矩阵：由数字行组成的列表",
    "matrix_size": "{field} 必须有 1 到 {max_rows} 行、每行 1 到 {max_columns} 个数字，收到的形状是 {got}",
    "weights_count": "weights 必须是 1 到 {most} 个矩阵组成的列表",
    "weights_columns": "weights[{l}] 必须有 {columns} 列（第 {l} 层每个神经元一列），收到 {got} 列",
    "biases_count": "biases 必须是 {count} 个向量组成的列表，每个非输入层一个",
    "layer_too_small": "第 {layer} 层至少要保留 1 个神经元",
    "layer_too_big": "第 {layer} 层至多只能有 {limit} 个神经元",
    "update_too_big": ("这次更新会使 {field}[{l}] 变为非有限数或绝对值超过 {limit:g}：对这些梯度而言，"
                       "学习率 {learning_rate:g} 太大（可接受的更新须让每个参数保持在 [{low:g}, {limit:g}] 内）"),
    "gradients_count": "{field} 必须包含 {count} 个与网络参数形状相同的数组",
    "gradient_shape": "{field}[{l}] 必须是形状为 {shape} 的实数数组，收到的是 {got}",
    "bad_trace": "trace 必须是 forward(net, X) 为这个网络返回的 Trace",
    "loss_undefined": "对这个网络的输出 {output}，损失 {loss} 没有定义（例如对 ≤ 0 的值取对数）",
    "loss_undefined_on_data": ("在训练数据上，这个网络的输出使损失 {loss} 没有定义（例如对 ≤ 0 的输出取对数）："
                               "请换一个输出层激活函数或损失函数"),
    "not_known_yet": "第 {layer} 层第 {j} 个神经元的 {quantity} 在第 {number} 步还未知；已知的有：{known}",
    "momentum_range": "动量必须是区间 [0, 1) 内的有限数，收到的是 {value:g}",
    "history_type": "history 必须是 EpochRecord 组成的元组",
    "stopped_value": "stopped 必须是 None 或以下之一：{choices}",
    "initial_loss_value": "initial_loss 必须是 None 或有限数，收到的是 {got!r:.40}",
    "velocity_shape": "velocity 必须是 None 或与网络形状相同的 ParameterGradients",
    "test_data_pair": "X_test 和 Y_test 必须同时给出，或都不给",
    "rows_limit": "训练集与测试集的行数合计至多 {limit} 行，收到 {train} + {test} 行",
    "budget_epochs": ("对这个网络而言，在 {rows:,} 行训练数据和 {test:,} 行测试数据上训练 {epochs:,} 轮，超出了一次调用"
                      "允许的计算量：请至多训练 {most:,} 轮，或减少行数，或增大批量大小"),
    "budget_one_epoch": ("对这个网络而言，在 {rows:,} 行训练数据和 {test:,} 行测试数据上以每批 {batch:,} 行训练一轮，"
                         "就超出了一次调用允许的计算量：请增大批量大小或减少行数"),
    "budget_points": "对这个网络而言，在 {rows:,} 行数据上计算 {count:,} 个取值超出了一次调用允许的计算量：请至多取 {most:,} 个值，或减少行数",
    "budget_grid": ("对这个网络而言，在 {rows:,} 行数据上计算 {columns} × {lines} = {count:,} 个网格点超出了一次调用允许的"
                    "计算量：请至多取 {most:,} 个点（例如 {side} × {side}），或减少行数"),
    "budget_steps": "对这个网络而言，在 {rows:,} 行数据上走 {steps:,} 步梯度下降超出了一次调用允许的计算量：请至多走 {most:,} 步，或减少行数",
    "budget_check_rows": "在 {rows:,} 行数据上检查 {count:,} 个参数的梯度超出了一次调用允许的计算量：请至多用 {most:,} 行，或用更小的网络",
    "budget_step_rows": "对这个网络而言，在 {rows:,} 行数据上做一次传播超出了一次调用允许的计算量：请至多用 {most:,} 行",
    "targets_not_numbers": "Y（目标）必须是数字，每行 1 到 {most} 个目标值",
    "data_shape": "{field} 的形状必须是 (n, 1 到 {most})",
    "names_tuple": "{field} 必须是由 {width} 个字符串组成的元组",
    "bad_parameter_ref": "parameter 必须是种类为 'weight' 或 'bias' 的 ParameterRef",
    "grid_same_parameter": "损失网格的两个参数必须不同",
    "unknown_preset": "预设：没有名为 {got!r:.40} 的预设；可选：{choices}",
    "json_not_object": "网络必须是一个 JSON 对象（字典），收到的是 {got}",
    "json_format": "format 必须是 {expected!r}，收到的是 {got!r:.40}",
    "json_version": "version 必须是 {expected}，收到的是 {got!r:.40}",
    "json_missing_fields": "网络缺少以下字段：{fields}",
    "json_sizes": "sizes 必须与权重的形状 {expected} 一致，收到的是 {got!r:.60}",
    "json_too_many_bytes": "网络文件至多 {limit:,} 字节，收到 {size:,} 字节",
    "json_too_many_characters": "网络文件至多 {limit:,} 个字符，收到 {size:,} 个字符",
    "json_binary": "网络文件必须是 UTF-8 文本（JSON），不能是二进制数据",
    "json_not_text": "网络文件必须是 JSON 文本",
    "json_too_deep": "网络文件嵌套过深，不可能是一个网络",
    "json_invalid": "网络文件不是有效的 JSON（第 {line} 行第 {column} 列）",
    "json_unreadable_value": "网络文件里有一个无法读取为数字或文字的值（例如长达几千位的数字）",
    "link_not_text": "链接：网络参数必须是文本",
    "link_too_long": "链接：网络参数至多 {limit:,} 个字符，收到 {size:,} 个字符",
    "link_version": "链接：网络参数必须以 '{version}.' 开头（由这个版本的 bpviz 生成的链接）",
    "link_no_network": "链接：网络参数里没有网络",
    "link_update_biases": "链接中的 update_biases 必须是 true 或 false",
    "link_not_base64": "链接：网络参数已损坏（不是有效的 base64）",
    "link_not_compressed": "链接：网络参数已损坏（无法解压）",
    "link_numbers": "链接：网络参数含有 {got:g} 个数，但按其层大小需要 {expected} 个",
    "link_cut": "链接：网络参数不完整（请复制完整的链接）",
    "link_trailing": "链接：网络参数末尾多出 {count} 个字节（请原样复制链接）",
    "link_too_large": "链接：网络参数解压后超过 {limit:,} 字节",
    "link_too_deep": "链接：网络参数嵌套过深",
    "link_not_json": "链接：网络参数已损坏（不是 JSON）",
    "link_short_alphabet": "链接：网络参数只能含有 0-9、A-Z、a-z 和 . _ ~ -",
    "link_numbers_text": "链接：网络参数中的 '{got}' 不是十进制数",
    "csv_max_bytes": "max_bytes 必须是 1 到 {limit} 之间的整数",
    "csv_too_many_bytes": "CSV 文件至多 {limit:,} 字节，收到 {size:,} 字节",
    "csv_binary": "CSV 文件必须是 UTF-8 文本，不能是二进制数据",
    "csv_type": "CSV 文件必须是文本或字节，收到的是 {got}",
    "csv_nul": "CSV 文件必须是文本，不能是二进制数据（其中含有 NUL 字节）",
    "csv_empty": "CSV 文件是空的：需要一行列名作表头，再加上数据行",
    "csv_malformed": "CSV 文件在第 {line} 行格式有误",
    "csv_too_many_columns": "CSV 表头（第 {line} 行）至多 {limit} 列，收到 {count} 列",
    "csv_no_header": "CSV 文件第 {line} 行需要是列名表头，但这一行只有数字",
    "csv_unnamed_column": "CSV 表头第 {column} 列是空的：每一列都需要名称",
    "csv_repeated_name": "CSV 表头第 {column} 列重复了名称 {name!r:.40}：列名必须各不相同",
    "csv_column_count": "{field} 必须列出 1 到 {limit} 个列名",
    "csv_unknown_column": "{field}：{name!r:.40} 不是 CSV 文件中的列（已有的列：{columns}）",
    "csv_column_twice": "{field} 不能两次列出同一列",
    "csv_not_a_number": "CSV 第 {line} 行、{column!r:.40} 列：{cell!r:.40} 不是数字（请用半角数字 0-9，可带正负号、小数点和指数，例如 -1.5 或 2e-3）",
    "csv_number_range": "CSV 第 {line} 行、{column!r:.40} 列：必须是区间 [{low:g}, {high:g}] 内的有限数，收到的是 {cell!r:.40}",
    "csv_shared_column": "输入列和目标列不能有同一列，两者都有 {name!r:.40}",
    "csv_name_type": "name 必须是字符串",
    "csv_ragged_row": "CSV 第 {line} 行有 {count} 个单元格，但表头有 {width} 列：每一行的每一列都要有一个单元格",
    "csv_too_many_rows": "CSV 文件至多 {limit} 行数据",
    "csv_no_rows": "CSV 文件有表头但没有数据行",
    "table_shape": "第 {layer} 层的表格必须有 {rows} 行 {columns} 列，收到的形状是 {shape}",
}


def english():
    """Catalogue entries for English: `error.<code>` and `field.<name>`."""
    return {**{f"error.{code}": text for code, text in {**MESSAGES, **errors.MESSAGES}.items()},
            **{f"field.{name}": name for name in FIELDS_ZH}}


def chinese():
    """Catalogue entries for 简体中文, with the same keys as `english()`."""
    return {**{f"error.{code}": text for code, text in ERRORS_ZH.items()},
            **{f"field.{name}": text for name, text in FIELDS_ZH.items()}}
