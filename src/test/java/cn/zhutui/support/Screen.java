package cn.zhutui.support;

import com.microsoft.playwright.Browser;

/** The two sizes every journey is tried at: a phone (390×844, touch) and an office desktop (1366×768). */
public enum Screen {
    PHONE(390, 844, true),
    DESKTOP(1366, 768, false);

    private final int width;
    private final int height;
    private final boolean mobile;

    Screen(int width, int height, boolean mobile) {
        this.width = width;
        this.height = height;
        this.mobile = mobile;
    }

    public boolean phone() {
        return mobile;
    }

    public Browser.NewContextOptions options() {
        return new Browser.NewContextOptions().setLocale("zh-CN").setTimezoneId("Asia/Shanghai")
                .setViewportSize(width, height).setIsMobile(mobile).setHasTouch(mobile);
    }
}
