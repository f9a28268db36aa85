package dev.confer.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code CONFER_DEMO}: load the demo summit into an empty database (on unless set to false). */
@ConfigurationProperties("confer")
record DemoSettings(@DefaultValue("true") boolean demo) {
}
