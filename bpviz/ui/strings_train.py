"""Strings of the Train, Landscape and Gradient-check pages about the work budget, the
training set-up, Play's stops and plateaus, in English and 简体中文 (same keys)."""

EN = {
    "train.set_up": ("Train set up a network for the {data}: {network}, learning rate η = {learning_rate:g}. "
                     "Build and Step show this network too."),
    "train.set_up_button": "Set up a network for these data",
    "train.diagram_title": "The network being trained: each connection's colour and width show its weight",
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
    "landscape.view": "Show",
    "landscape.points_bound": ("The curve uses {points} values: that is all one view may compute for this network on "
                               "{rows:,} rows."),
    "landscape.grid_bound": ("At most {most} grid points per axis and {steps:,} descent steps: that is all one view "
                             "may compute for this network ({count:,} parameters) on {rows:,} rows."),
    "gradcheck.rows_bound": ("The check uses the first {used:,} of the {rows:,} training rows: central differences "
                             "of {count:,} parameters on more rows are more than one click may compute."),
}

ZH = {
    "viz.boundary": "决策边界",   # English beside the figure (bpviz.viz.learning_figures.DEFAULT_TEXT)
    "train.set_up": ("训练页为{data}设置了一个网络：{network}，学习率 η = {learning_rate:g}。"
                     "“构建”和“单步”页面也会显示这个网络。"),
    "train.set_up_button": "为这些数据设置一个网络",
    "train.diagram_title": "正在训练的网络：每条连线的颜色和粗细表示它的权重",
    "train.diagram_while_playing": "下面的网络图显示的是开始播放时的权重；播放停止或暂停后会更新。",
    "train.epochs_bound": ("每次点击至多 {most:,} 轮：对这个网络（{count:,} 个参数）在 {rows:,} 行数据上，一次点击"
                           "只允许这么多计算。减少行数或增大批量可以多训练几轮。"),
    "train.redraw_bound": "每次实时刷新至多 {most:,} 轮：对这个网络在 {rows:,} 行数据上，一次刷新只允许这么多计算。",
    "train.no_room": ("按这些设置训练一轮，就超出了这个网络（{count:,} 个参数）在 {rows:,} 行数据上一次点击允许的"
                      "计算量：请增大批量或减少行数。"),
    "train.no_play": "播放要求每次刷新至少能训练一轮：请增大批量或减少行数。",
    "train.play_help": ("持续训练并刷新，直到所有样本都分类正确（若勾选了该项）、达到目标损失、"
                        "运行满 {epochs:,} 轮或经过 {minutes} 分钟。"),
    "train.stopped.play_epochs": "播放在 {epochs:,} 轮后停止，这是一次播放的最多轮数。点击“播放”继续。",
    "train.stopped.play_time": "播放在 {minutes} 分钟后停止，这是一次播放的最长时间。点击“播放”继续。",
    "train.plateau": ("最近 {window} 轮里训练损失的改善不到 1%（{before} → {now}）：训练卡在了平台期。"
                      "通常有帮助的做法：增加隐藏神经元（“构建”页）、换一个学习率，或重新随机初始化权重"
                      "（“构建”→“新的随机权重”）。"),
    "landscape.view": "显示",
    "landscape.points_bound": "曲线使用 {points} 个取值：对这个网络在 {rows:,} 行数据上，一次显示只允许这么多计算。",
    "landscape.grid_bound": ("每个坐标轴至多 {most} 个网格点、至多 {steps:,} 步梯度下降：对这个网络（{count:,} 个参数）"
                             "在 {rows:,} 行数据上，一次显示只允许这么多计算。"),
    "gradcheck.rows_bound": ("检查只使用 {rows:,} 行训练数据中的前 {used:,} 行：在更多行上对 {count:,} 个参数做中心差分，"
                             "超出了一次点击允许的计算量。"),
}
