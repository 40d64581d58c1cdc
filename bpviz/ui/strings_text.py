"""Strings of the page-edge error (app.py), in every language of the app."""

EN = {
    "app.page_error": ("This page cannot be drawn for your network and settings, which are unchanged. "
                       "The reason: {message}. Change them on the Build page, or load a preset."),
}

ZH = {
    "app.page_error": ("无法为你的网络和设置绘制这个页面（网络和设置都没有改变）。原因：{message}。"
                       "请在「搭建」页修改，或载入一个预设。"),
}
