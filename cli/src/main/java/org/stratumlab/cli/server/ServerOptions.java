package org.stratumlab.cli.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stratumlab.loadgen.simulator.ServerSetting;
import org.stratumlab.loadgen.simulator.ServerSettings;
import org.stratumlab.server.ServerConfig;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * The simulator's options, made from {@link ServerSettings} with picocli's programmatic API: one option per
 * setting ({@code --<key>}), settings that are alternatives for one value ({@code --password}, {@code --secret})
 * in a mutually exclusive group, and yes/no settings with an optional value ({@code --new-job-on-solution[=BOOL]}).
 * {@code stratumlab server} takes them as a mixin, and {@code stratumlab loadgen} parses its embedded server's
 * {@code --server.<key>=value} arguments with them, so that the two never drift apart.
 */
public final class ServerOptions {
    private ServerOptions() {
    }

    /** @return a mixin holding an option for every setting, in the table's order */
    public static CommandSpec mixin() {
        CommandSpec mixin = CommandSpec.create();
        Map<String, List<ServerSetting<?>>> settingsByComponent = new LinkedHashMap<>();
        for (ServerSetting<?> s : ServerSettings.all()) {
            settingsByComponent.computeIfAbsent(s.component(), c -> new ArrayList<>()).add(s);
        }
        for (List<ServerSetting<?>> alternatives : settingsByComponent.values()) {
            if (alternatives.size() == 1) {
                mixin.addOption(option(alternatives.get(0)).build());
                continue;
            }
            ArgGroupSpec.Builder oneOf = ArgGroupSpec.builder().exclusive(true).multiplicity("0..1");
            alternatives.forEach(s -> oneOf.addArg(option(s).required(true).build()));
            mixin.addArgGroup(oneOf.build());
        }
        return mixin;
    }

    private static OptionSpec.Builder option(ServerSetting<?> s) {
        OptionSpec.Builder option = OptionSpec.builder(optionName(s)).type(s.type())
                .paramLabel(s.paramLabel())
                .description(s.description()).converters(text -> {
                    try {
                        return s.parse(text);
                    } catch (IllegalArgumentException e) {
                        throw new TypeConversionException(e.getMessage());
                    }
                });
        return s.isBoolean() ? option.arity("0..1").fallbackValue("true") : option;
    }

    private static String optionName(ServerSetting<?> s) {
        return "--" + s.key();
    }

    /**
     * @param parsed a parse of the {@link #mixin()}'s options
     * @param start the builder holding the defaults of the settings not given
     * @return the validated settings
     * @throws IllegalArgumentException naming the first bad setting
     */
    public static ServerConfig toConfig(ParseResult parsed, ServerConfig.Builder start) {
        for (ServerSetting<?> s : ServerSettings.all()) {
            OptionSpec option = parsed.matchedOption(optionName(s));
            if (option != null) {
                s.set(start, option.getValue());
            }
        }
        return start.build();
    }
}
