package org.stratumlab.loadgen.simulator;

import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.stratumlab.server.ServerConfig;

/**
 * One row of {@link ServerSettings}: a setting's key (kebab-case, as the command line and scenario files spell
 * it), its text form, its help, and how it is read from a {@link ServerConfig} and set on its builder.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the type of the value
 */
public final class ServerSetting<T> {
    private final String key;
    private final String component;
    private final String paramLabel;
    private final String description;
    private final Form<T> form;
    private final Function<ServerConfig, T> get;
    private final BiConsumer<ServerConfig.Builder, T> set;

    ServerSetting(String key, String component, String paramLabel, String description, Form<T> form,
            Function<ServerConfig, T> get, BiConsumer<ServerConfig.Builder, T> set) {
        this.key = key;
        this.component = component;
        this.paramLabel = paramLabel;
        this.description = description;
        this.form = form;
        this.get = get;
        this.set = set;
    }

    /** @return the key, e.g. {@code block-interval}: {@code --block-interval}, {@code target.embedded.block-interval} */
    public String key() {
        return key;
    }

    /** @return the {@link ServerConfig} record component it sets; alternatives (password, secret) share one */
    public String component() {
        return component;
    }

    /** @return the value's name in {@code --help}, e.g. {@code DURATION} */
    public String paramLabel() {
        return paramLabel;
    }

    /** @return the {@code --help} text, with the builder's default where it names one */
    public String description() {
        return description.contains("%s")
                ? String.format(Locale.ROOT, description, text(ServerConfig.builder().build()))
                : description;
    }

    /** @return the type {@link #parse} returns */
    public Class<T> type() {
        return form.type();
    }

    /** @return whether it is a yes/no setting (an option that may stand alone: {@code --notify-on-subscribe}) */
    public boolean isBoolean() {
        return form.type() == Boolean.class;
    }

    /** @return whether it can be read back from a config (a password cannot: only its secret is kept) */
    public boolean readable() {
        return get != null;
    }

    /**
     * @param text the value as written
     * @return the value
     * @throws IllegalArgumentException saying what is wrong with the text (not naming the setting)
     */
    public T parse(String text) {
        return form.parse(text);
    }

    /**
     * @param config the settings
     * @return this setting's value as text, or {@code null} when it has none (no secret) or cannot be read
     */
    public String text(ServerConfig config) {
        T value = get == null ? null : get.apply(config);
        return value == null ? null : form.format(value);
    }

    /**
     * @param builder where to set it
     * @param value a value of {@link #type()}, as {@link #parse} makes it
     */
    public void set(ServerConfig.Builder builder, Object value) {
        set.accept(builder, form.type().cast(value));
    }

    /** @return the name of its echo in summary.json: camelCase with the unit, e.g. {@code blockIntervalMs} */
    String echoKey() {
        StringBuilder camel = new StringBuilder();
        for (String word : key.split("-")) {
            camel.append(
                    camel.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return camel + form.echoUnit();
    }

    /** @return its value as summary.json holds it, or {@code null} when it has none */
    Object echo(ServerConfig config) {
        T value = get.apply(config);
        return value == null ? null : form.echo(value);
    }
}
