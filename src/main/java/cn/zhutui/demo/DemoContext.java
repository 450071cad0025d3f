package cn.zhutui.demo;

import java.util.Map;

/** What the first demo steps made, for the later ones: committee org ids by region code. */
record DemoContext(Map<String, Long> committeesByRegion) {
}
