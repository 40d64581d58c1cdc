"""The printed words of sheets and keys, in each language they are made in.

Names of activations, losses and quantities are the reader's words, never the
engine's code names; `ACTIVATION_FORMULAS` and the engine's loss formula give
the math beside them. Formulas are LaTeX (turned into Typst math by
typst_math); everything else is plain text that goes into the Typst source as
string literals.
"""
from types import MappingProxyType

LANGUAGES = ("en", "zh")

# f(z) of each activation, for any neuron (the sheet names the layer it is used in).
ACTIVATION_FORMULAS = MappingProxyType({
    "sigmoid": r"\sigma(z) = \frac{1}{1 + e^{-z}}",
    "tanh": r"\tanh(z)",
    "relu": r"\max(0,\, z)",
    "leaky_relu": r"\max(0.01\, z,\, z)",
    "linear": r"f(z) = z",
    "softmax": r"\frac{e^{z_{j}}}{\sum_{i} e^{z_{i}}}",
})

EN = MappingProxyType({
    "title": "Backpropagation worksheet",
    "key_title": "Backpropagation worksheet: answer key",
    "number_seed": "Sheet {number} · seed {seed}",
    "number_own": "Sheet {number}",
    "name_line": "Name: ______________________    Class: ____________    Date: ____________",
    "network": "Network {layers} (inputs, hidden layers, outputs)",
    "layer_activation": "layer {layers}: {name}",
    "layers_activation": "layers {layers}: {name}",
    "activation_heading": "Activation",
    "loss_heading": "Loss",
    "example": "Example: input x = {x}, target y = {y} · learning rate η = {eta} · biases {biases}",
    "biases_updated": "updated",
    "biases_kept": "kept fixed",
    "parameters": "Weights and biases",
    "instructions": "Layers are numbered from 0 (the input). {weight} is the weight from neuron k of layer l − 1 "
                    "to neuron j of layer l, and {delta}. Work out every value in order, to at least 4 significant "
                    "digits.",
    "instructions_tutorial": "Names as in the classic worked example: inputs i1 i2, hidden neurons h1 h2, outputs "
                             "o1 o2; w1 w2 lead from i1 and i2 into h1, w3 w4 into h2, w5 w6 from h1 and h2 into "
                             "o1, w7 w8 into o2; b1 is the hidden layer's bias, b2 the output layer's; {delta}. "
                             "Work out every value in order, to at least 4 significant digits.",
    "prefilled_note": "The forward pass is filled in for you (6 significant digits): start at the loss.",
    "focus_note": "This network is too large to work in full by hand: the values of layer {hidden} are given. "
                  "Work the last layer forward, its deltas and the delta of neuron 0 of layer {hidden}, then "
                  "update the weights into output neuron 0.",
    "given": "Given (from the forward pass)",
    "neuron": "neuron j",
    "qr_note": "Scan to open this network in bpviz and check a step on screen.",
    "qr_placeholder": "Check on screen: {url}",
    "key_note": "Each value: its formula, the formula with the numbers, and the result to {digits} significant digits.",
    "forward": "Forward pass",
    "loss": "Loss",
    "backward": "Backward pass",
    "update": "Update",
    "activation.sigmoid": "sigmoid",
    "activation.tanh": "hyperbolic tangent",
    "activation.relu": "ReLU (rectified linear)",
    "activation.leaky_relu": "leaky ReLU",
    "activation.linear": "linear (identity)",
    "activation.softmax": "softmax",
    "loss.squared_error": "squared error",
    "loss.cross_entropy": "cross-entropy",
    "loss.binary_cross_entropy": "binary cross-entropy",
})

ZH = MappingProxyType({
    "title": "反向传播练习卷",
    "key_title": "反向传播练习卷：答案",
    "number_seed": "第 {number} 份 · 种子 {seed}",
    "number_own": "第 {number} 份",
    "name_line": "姓名：____________________    班级：____________    日期：____________",
    "network": "网络 {layers}（输入、隐藏层、输出）",
    "layer_activation": "第 {layers} 层：{name}",
    "layers_activation": "第 {layers} 层：{name}",
    "activation_heading": "激活函数",
    "loss_heading": "损失函数",
    "example": "样本：输入 x = {x}，目标 y = {y} · 学习率 η = {eta} · 偏置{biases}",
    "biases_updated": "参与更新",
    "biases_kept": "保持不变",
    "parameters": "权重和偏置",
    "instructions": "层从 0（输入层）开始编号。{weight} 是从第 l − 1 层的神经元 k 到第 l 层的神经元 j 的权重，"
                    "{delta}。请按顺序算出每个数值，至少保留 4 位有效数字。",
    "instructions_tutorial": "命名与经典手算示例相同：输入 i1 i2，隐藏神经元 h1 h2，输出 o1 o2；"
                             "w1 w2 从 i1、i2 通向 h1，w3 w4 通向 h2，w5 w6 从 h1、h2 通向 o1，w7 w8 通向 o2；"
                             "b1 是隐藏层的偏置，b2 是输出层的偏置；{delta}。"
                             "请按顺序算出每个数值，至少保留 4 位有效数字。",
    "prefilled_note": "前向传播的数值已经填好（6 位有效数字）：请从损失开始。",
    "focus_note": "这个网络太大，无法全部手算：已给出第 {hidden} 层的数值。请算出最后一层的前向传播、"
                  "它的各个 δ 以及第 {hidden} 层神经元 0 的 δ，再更新进入输出神经元 0 的权重。",
    "given": "已知（来自前向传播）",
    "neuron": "神经元 j",
    "qr_note": "扫码在 bpviz 中打开这个网络，在屏幕上核对某一步。",
    "qr_placeholder": "在屏幕上核对：{url}",
    "key_note": "每个数值依次给出：公式、代入数值的公式、结果（{digits} 位有效数字）。",
    "forward": "前向传播",
    "loss": "损失",
    "backward": "反向传播",
    "update": "更新",
    "activation.sigmoid": "S 型函数（sigmoid）",
    "activation.tanh": "双曲正切",
    "activation.relu": "线性整流（ReLU）",
    "activation.leaky_relu": "带泄露线性整流（Leaky ReLU）",
    "activation.linear": "线性（恒等）",
    "activation.softmax": "归一化指数（softmax）",
    "loss.squared_error": "平方误差",
    "loss.cross_entropy": "交叉熵",
    "loss.binary_cross_entropy": "二元交叉熵",
})

WORDS = MappingProxyType({"en": EN, "zh": ZH})


def words(language):
    """The printed words of `language` ("en" or "zh"); ValueError naming the accepted ones otherwise."""
    if language not in WORDS:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, got {language!r}")
    return WORDS[language]
