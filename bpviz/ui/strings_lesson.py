"""Strings of the lesson's rules: what quiz mode hides and why, the QR code and the short link."""

EN = {
    "lock.title": "Hidden in quiz mode until this pass's questions are done",
    "lock.why.landscape": "The loss landscape draws the gradient of every weight of the current network, the "
                          "numbers the quiz asks you to predict.",
    "lock.why.gradcheck": "The gradient check prints the backprop gradient of every weight and bias of the "
                          "current network, the numbers the quiz asks you to predict.",
    "lock.why.key": "The answer key of the current network gives every number of this pass.",
    "lock.why.update": "Applying the update would show the new weights before you have predicted them.",
    "lock.why.matrix": "The matrix view would show the next step's numbers.",
    "lock.unlock": "Unlocks when every question of the pass has been tried on the Step page "
                   "(step {done} of {total} reached). A class's teacher opens the page without quiz mode.",
    "lock.unlock_key": "In quiz mode the key of the current network is not offered at all: the teacher makes it "
                       "in a session without quiz mode (a link without quiz=1). Keys of a class set are offered.",
    "ws.made_no_key": "Made {count} sheet(s): worksheets {sheet_kb} KB, no answer key in quiz mode.",
    "lock.go_step": "Go to the Step page",
    "share.quiz_only": "Quiz mode is on in this session, so only quiz links are offered: the link keeps the "
                       "answers hidden too.",
    "share.qr": "Scan to open",
    "share.qr_help": "The classroom link as a QR code: project it (use the full-screen button on the code) and "
                     "students open the link with a phone's camera.",
    "share.qr_title": "QR code of the classroom link",
    "share.qr_too_long": "This link ({chars} characters) is too long for a QR code, which holds about 2,300: "
                         "share a preset or a network with rounded weights, or send the link itself.",
    "share.short": "Short link: {chars} characters",
    "share.long": "This network's numbers have many digits, so its link is long ({chars} characters): round "
                  "the weights on the Build page, or start from a preset, for a link to type.",
    "share.names": "Names in the link",
    "share.names.tutorial": "tutorial (w1…w8, h1, o1)",
    "share.names.layer": "by layer (w⁽²⁾₀₀)",
    "link.bad_names": "The link's names '{value}' are not one of {accepted}; the default is used.",
    "link.bad_switch": "The link's {name} '{value}' must be 0 or 1; the default is used.",
    "link.bad_view": "The link's view '{value}' is not one of {accepted}; the default is used.",
    "link.bad_selected": "The link's selected neuron '{value}' is not a neuron of this network (layer.neuron, "
                         "e.g. 1.0); none is selected.",
    "link.bad_quiz_work": "The link's quiz answers '{value}' could not be read; the pass starts afresh.",
    "link.bad_history": "The link's training history '{value}' could not be read; training starts afresh.",
    "worksheets.names": "The sheets name everything as the class sees it: {names}.",
}

ZH = {
    "lock.title": "测验模式下隐藏，直到本轮的问题都已作答",
    "lock.why.landscape": "损失曲面会画出当前网络每个权重的梯度，而这些正是测验要你预测的数。",
    "lock.why.gradcheck": "梯度检验会列出当前网络每个权重和偏置的反向传播梯度，而这些正是测验要你预测的数。",
    "lock.why.key": "当前网络的答案会给出本轮的每一个数。",
    "lock.why.update": "应用更新会在你预测之前显示新的权重。",
    "lock.why.matrix": "矩阵视图会显示下一步的数。",
    "lock.unlock": "在“单步”页上把本轮的每个问题都作答后解锁（已到第 {done} 步，共 {total} 步）。"
                   "老师可以打开不带测验模式的页面。",
    "lock.unlock_key": "测验模式下不提供当前网络的答案：老师在不开启测验模式的会话中（链接不带 quiz=1）生成。"
                       "随机练习纸的答案照常提供。",
    "ws.made_no_key": "已生成 {count} 份：练习卷 {sheet_kb} KB，测验模式下不生成答案卷。",
    "lock.go_step": "前往“单步”页",
    "share.quiz_only": "本会话已开启测验模式，所以只提供测验链接：链接同样会隐藏答案。",
    "share.qr": "扫码打开",
    "share.qr_help": "课堂链接的二维码：投影出来（可用二维码上的全屏按钮），学生用手机相机扫码即可打开链接。",
    "share.qr_title": "课堂链接的二维码",
    "share.qr_too_long": "这个链接（{chars} 个字符）太长，放不进二维码（约 2,300 个字符）：请分享预设或权重取整后的网络，"
                         "或直接发送链接。",
    "share.short": "短链接：{chars} 个字符",
    "share.long": "这个网络的数值位数很多，所以链接很长（{chars} 个字符）：在“搭建”页把权重取整，或从预设开始，"
                  "就能得到便于输入的链接。",
    "share.names": "链接中的命名",
    "share.names.tutorial": "教程命名（w1…w8、h1、o1）",
    "share.names.layer": "按层命名（w⁽²⁾₀₀）",
    "link.bad_names": "链接中的命名 '{value}' 不是 {accepted} 之一；已使用默认值。",
    "link.bad_switch": "链接中的 {name} '{value}' 必须是 0 或 1；已使用默认值。",
    "link.bad_view": "链接中的视图 '{value}' 不是 {accepted} 之一；已使用默认值。",
    "link.bad_selected": "链接中选中的神经元 '{value}' 不是这个网络的神经元（层.神经元，例如 1.0）；未选中任何神经元。",
    "link.bad_quiz_work": "无法读取链接中的测验作答 '{value}'；本轮重新开始。",
    "link.bad_history": "无法读取链接中的训练历史 '{value}'；训练重新开始。",
    "worksheets.names": "练习纸的命名与课堂上看到的一致：{names}。",
}
