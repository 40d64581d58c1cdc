"""Strings of practice: the Step page's quiz mode, the Worksheets page, and the
page's controls (the printed sheets' words live in bpviz/worksheets/words.py)."""

EN = {
    "nav.worksheets": "Worksheets",
    # classroom links
    "share.quiz": "Quiz mode: students predict each value before it is shown",
    "share.quiz_help": "The Step page opens in quiz mode without the switch to turn it off: the next values stay "
                       "hidden until the student has typed a prediction.",
    # quiz mode on the Step page
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
    "quiz.another": "Another question at this step",
    "quiz.done": "Pass finished. Apply the update, or go back to the start, for another pass.",
    "quiz.score": "Score for this pass",
    "quiz.score_line": "{kind}: {right} of {asked} right · {points} of {most} points",
    "quiz.no_score": "No question answered yet in this pass.",
    # the Worksheets page
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
}

ZH = {
    "nav.worksheets": "练习卷",
    "share.quiz": "测验模式：学生先预测每个数值，再揭晓",
    "share.quiz_help": "逐步页面以测验模式打开，且没有关闭开关：学生输入预测之前，下一步的数值保持隐藏。",
    "quiz.toggle": "测验模式：先预测每个数值，再由下一步揭晓",
    "quiz.toggle_help": "输入下一步将算出的数值。答错后可以看提示；每个提示扣一分。",
    "quiz.from_link": "本课堂已开启测验模式：先预测每个数值，再由下一步揭晓。",
    "quiz.ask": "在下一步揭晓之前，预测 **{quantity}**：",
    "quiz.tolerance": "相对误差不超过 0.001（0.1 %）即算正确：|预测 − 数值| ≤ 0.001 · |数值|"
                      "（绝对值小于 10⁻⁶ 的数值按 10⁻⁶ 计）。保留四位有效数字总是足够。",
    "quiz.prediction": "你的预测",
    "quiz.placeholder": "例如 {example}，按 Enter 检查",
    "quiz.check": "检查",
    "quiz.bad_prediction": "你的预测必须是一个有限的数，写法如 {example}（可以用负号、小数点和 10 的幂；最多 {limit} 个字符）。",
    "quiz.right": "正确：数值是 {value}。得 {points} 分（满分 {most} 分）。",
    "quiz.miss": "还不对（已错 {tries} 次）。再试一次，或者看提示：每个提示扣一分。",
    "quiz.hint": "提示 {number} / {count}",
    "quiz.hint.1": "公式",
    "quiz.hint.2": "代入数值的公式",
    "quiz.hint.3": "答案",
    "quiz.answer_shown": "已显示答案：本题不得分。",
    "quiz.unlocked": "下一步已解锁。",
    "quiz.locked": "请先输入预测：在你尝试之前，下一步的数值保持隐藏。",
    "quiz.another": "本步再出一题",
    "quiz.done": "本轮已完成。应用更新，或回到开始，再做一轮。",
    "quiz.score": "本轮得分",
    "quiz.score_line": "{kind}：{asked} 题中答对 {right} 题 · 得 {points} 分（满分 {most} 分）",
    "quiz.no_score": "本轮还没有回答任何题目。",
    "ws.title": "练习卷",
    "ws.intro": "可打印的手算练习卷：画出网络及其权重和偏置，给出样本和学习率，然后为前向传播、损失、反向传播和更新中的"
                "每个数值留出空格。答案卷给出每个数值的公式、代入数值的公式和结果。",
    "ws.source": "题目来源",
    "ws.source.class_set": "一套按种子随机生成的网络（全班用）",
    "ws.source.current": "当前的网络和样本",
    "ws.seed": "起始种子",
    "ws.seed_help": "第 i 份使用种子「起始种子 + i − 1」。同一个种子总是生成同一份练习卷。",
    "ws.count": "份数",
    "ws.paper": "纸张",
    "ws.paper.a4": "A4",
    "ws.paper.us-letter": "美国 Letter",
    "ws.lang": "练习卷的语言",
    "ws.generate": "生成 PDF",
    "ws.made": "已生成 {count} 份：练习卷 {sheet_kb} KB，答案卷 {key_kb} KB。",
    "ws.seeds": "种子 {first} 到 {last}。",
    "ws.download_sheets": "练习卷（PDF）",
    "ws.download_key": "答案卷（PDF）",
    "ws.download_sheets_source": "练习卷（Typst 源文件）",
    "ws.download_key_source": "答案卷（Typst 源文件）",
    "ws.edit_hint": "要修改练习卷，请编辑其 Typst 源文件，再用 Typst 编译（typst compile worksheet.typ）。",
    "ws.font_missing": "本服务器没有中文字体，因此无法生成中文练习卷：请安装 Python 包 pylopdf-fonts-zh-cn"
                       "（已列在 requirements.txt 中）。英文练习卷仍可生成。",
    "ws.prefilled": "前向传播的数值已填好（较容易的练习卷）",
    "ws.prefilled_help": "练习卷印出前向传播的每个 z 和 a（6 位有效数字），学生从损失开始算。答案卷不变。",
    "ws.qr": "每份练习卷印一个二维码，在应用中打开它的网络",
    "ws.qr_help": "二维码就是这份练习卷的分享链接：在逐步页面打开完全相同的网络和样本，学生可以在屏幕上核对某一步。",
    "ws.app_url": "学生打开本应用所用的网址",
    "ws.app_url_help": "留空则使用本服务器的网址（灰色显示）。如果学生通过别的名字访问本应用（例如经过学校的代理），请填写那个网址。",
    "ws.no_app_url": "还不知道本服务器的网址：请填写学生打开本应用所用的网址，例如 {example}，否则练习卷上不会有二维码。",
    "ws.bad_app_url": "网址必须以 http:// 或 https:// 开头并包含服务器名，例如 {example}。在此之前练习卷上不会有二维码。",
}
