"""Strings of the Step page's hero diagram (issue 13), English and Chinese; spliced into
strings_en.EN and strings_zh.ZH."""

EN = {
    "step.settings": "Example, learning rate and step size",
    "step.key_help.reset": "Key: Home (End: the last step)",
    "step.key_help.previous": "Keys: ← or Page Up",
    "step.key_help.next": "Keys: →, Page Down or Space",
    "step.key_hint": "Keys: → / Page Down / Space next, ← / Page Up previous, Home first, End last.",
    "quiz.wait_key": "Answer the question first: the next step stays hidden until you have tried it.",
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
                                   "significant digits; click a neuron to label the connections feeding it, or point "
                                   "at a neuron or a connection for all its numbers to 9 digits.",
}   # the figure's own English words (viz.step.*) come with bpviz.viz.TEXT_EN

ZH = {
    "step.settings": "样本、学习率与步长",
    "step.key_help.reset": "按键：Home（End：最后一步）",
    "step.key_help.previous": "按键：← 或 Page Up",
    "step.key_help.next": "按键：→、Page Down 或空格",
    "step.key_hint": "按键：→ / Page Down / 空格 下一步，← / Page Up 上一步，Home 第一步，End 最后一步。",
    "quiz.wait_key": "请先回答问题：在你尝试之前，下一步保持隐藏。",
    "step.tutorial_names": "教程命名",
    "step.tutorial_names_help": "按经典手算教程给 2-2-2 网络命名：i1 i2、h1 h2、o1 o2，权重 w1…w8，偏置 b1 b2。",
    "step.show_z": "显示 z",
    "step.animate": "动画",
    "step.animate_help": "每一步数值沿连接移动。关闭此开关，或系统要求减少动态效果时，图直接变化而不移动。",
    "step.diagram_fallback": "这个网络较大：图上只标出 {total} 条连接中数值最大的 {shown} 条；指向任意连接可看它的数值。"
                             "所有数值都可在检查器和矩阵视图中查看。",
    "step.diagram_fallback_hover": "这个网络较大（共 {total} 条连接）：每个神经元显示两位有效数字的 a 和 δ；点击神经元可标出"
                                   "输入它的连接，指向神经元或连接可看它的全部数值（9 位数字）。",
    "viz.step.legend_a": "a",
    "viz.step.legend_delta": "δ",
}
