package cn.zhutui.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import cn.zhutui.support.BrowserTest;
import cn.zhutui.support.IntegrationTest;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@IntegrationTest
class FoundationBrowserTest extends BrowserTest {

    @Test
    void aCountyOfficeUserBrowsesRegionsCreatesAMemberAndLogsOut() {
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
        login("luquan.staff", DEMO_PASSWORD);
        assertThat(page.locator("h1")).hasText("工作台");
        assertThat(page.locator("body")).containsText("禄劝彝族苗族自治县政协");

        // the region tree opens level by level down to a village
        page.click("#sidebar >> text=行政区划");
        page.click("#region-53 > button.toggle");
        page.click("#region-5301 > button.toggle");
        page.click("#region-530128 > button.toggle");
        page.click("#region-530128001 > button.toggle");
        assertThat(page.locator("#region-530128001001")).containsText("北街社区居民委员会");
        page.click("#region-530128001001 > a");
        assertThat(page.locator("#region-name")).hasText("北街社区居民委员会");
        assertThat(page.locator(".breadcrumb")).containsText("屏山街道");

        // a new member, then found in the list
        String name = "浏览器" + UUID.randomUUID().toString().substring(0, 4);
        page.click("#sidebar >> text=委员");
        page.click("#new-member");
        page.fill("#name", name);
        page.selectOption("#gender", "F");
        page.selectOption("#sector", "AGRICULTURE");
        page.selectOption("#ethnicity", "07");
        page.fill("#phone", "19955550001");
        page.fill("#expertise", "特色种植、电商销售");
        page.click("#save");
        assertThat(page.locator("#member-name")).containsText(name);
        assertThat(page.locator("#memberships")).containsText("禄劝彝族苗族自治县政协");

        page.click("#sidebar >> text=委员");
        page.fill("#member-filter #name", name);
        page.click("#member-filter button[type=submit]");
        assertThat(page.locator("#member-table")).containsText(name);
        assertThat(page.locator("#member-table")).containsText("农业界");

        page.click("#user-menu");
        page.click("#logout");
        assertThat(page).hasURL(url("/login?logout"));
        assertThat(page.locator("body")).containsText("您已安全退出");
    }

    @Test
    void aWrongPasswordShowsAnError() {
        login("luquan.staff", "not-the-password");
        assertThat(page.locator("#login-error")).hasText("用户名或密码错误");
        assertThat(page).hasURL(url("/login?error=bad"));
    }

    @Test
    void aFormErrorIsShownOnTheFieldInChinese() {
        login("luquan.staff", DEMO_PASSWORD);
        page.navigate(url("/members/new"));
        page.fill("#name", "手机号错误的委员");
        page.fill("#phone", "12345");
        page.click("#save");
        assertThat(page.locator("#phone")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        assertThat(page.locator("#member-form")).containsText("手机号格式不正确");
        assertThat(page.locator("#name")).hasValue("手机号错误的委员");
    }

    @Test
    void theLayoutWorksOnAPhone() {
        Page phone = at(cn.zhutui.support.Screen.PHONE);
        login("luquan.staff", DEMO_PASSWORD);
        assertThat(phone.locator("#sidebar")).not().isInViewport();
        phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("菜单")).click();
        assertThat(phone.locator("#sidebar")).isInViewport();
        phone.click("#sidebar >> text=组织机构");
        assertThat(phone.locator("#org-tree")).containsText("禄劝彝族苗族自治县政协");
    }

    @Test
    void englishIsAvailable() {
        login("luquan.staff", DEMO_PASSWORD);
        page.click("#lang-switch");
        assertThat(page.locator("#sidebar")).containsText("Organisations");
        page.click("#lang-switch");
        assertThat(page.locator("#sidebar")).containsText("组织机构");
    }
}
