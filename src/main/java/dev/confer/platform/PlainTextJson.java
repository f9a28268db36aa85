package dev.confer.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string in a JSON body is plain text: a control character other than tab and line breaks (a NUL above all,
 * which PostgreSQL cannot store) makes the body unreadable, answered 400 like any malformed body, before the request
 * reaches a module.
 */
@Configuration(proxyBeanMethods = false)
class PlainTextJson {

    @Bean
    SimpleModule plainTextStrings() {
        return new SimpleModule("plain-text-strings").addDeserializer(String.class, new PlainText());
    }

    static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (RequestLimits.hasControlCharacter(text)) {
                return (String) context.handleWeirdStringValue(String.class, text,
                        "text may not contain control characters (such as U+0000)");
            }
            return text;
        }
    }
}
