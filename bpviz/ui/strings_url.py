"""Strings of the address bar and classroom links: a value a link carries that is out of
range, and a change refused because the link fixed it."""

EN = {
    "link.fixed": "This classroom link fixes the {control}, so it cannot be changed here.",
    "link.bad_step": "The link's step position {value!r} is not a whole number from 0 to {most} (digits 0-9, no "
                     "leading zeros), so you start at the first step.",
    "link.refused": "The link's parameter {name} ({value!r}) was ignored; accepted: {accepted}.",
    "reader.accepted.once": "the parameter given once",
    "reader.accepted.text": "text of at most {chars} characters",
    "reader.accepted.whole": "a whole number from {low} to {high} in digits 0-9, without leading zeros",
    "reader.accepted.choice": "one of {choices}",
    "link.bad_granularity": "The link's step size {value!r} is unknown (accepted: {accepted}).",
    "link.bad_quiz": "The link's quiz setting {value!r} must be 0 (off) or 1 (on).",
    "link.bad_data": "The link's data set {value!r} could not be made, so Train starts from its own data "
                     "(accepted: {accepted}). {message}",
    "link.csv_again": "This address comes from a session that trained on an uploaded CSV file. A file cannot "
                      "travel in an address: upload it again on the Train page.",
}

ZH = {
    "link.fixed": "这个课堂链接固定了{control}，这里不能更改。",
    "link.bad_step": "链接中的步骤位置 {value!r} 不是 0 到 {most} 之间的整数（只用数字 0-9，不带前导零），因此从第一步开始。",
    "link.refused": "链接中的参数 {name}（{value!r}）已被忽略；可用：{accepted}。",
    "reader.accepted.once": "只出现一次的参数",
    "reader.accepted.text": "最多 {chars} 个字符的文本",
    "reader.accepted.whole": "{low} 到 {high} 之间的整数，只用数字 0-9，不带前导零",
    "reader.accepted.choice": "以下之一：{choices}",
    "link.bad_granularity": "链接中的步长 {value!r} 无法识别（可用：{accepted}）。",
    "link.bad_quiz": "链接中的测验设置 {value!r} 必须是 0（关）或 1（开）。",
    "link.bad_data": "无法生成链接中的数据集 {value!r}，因此训练页使用它自己的数据（可用：{accepted}）。{message}",
    "link.csv_again": "这个地址来自一个用上传的 CSV 文件训练的会话。文件无法随地址传递：请在训练页重新上传。",
}
