package org.cfqnn.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The common part of the protocol's entities: a table of one handler per input type (as Pekko's
 * {@code newReceiveBuilder().onMessage(...)}), checked at construction to cover every type the sealed
 * input interface permits, so an input nobody handles is a bug found by the first test, not a silently
 * ignored message.
 */
abstract class Machine<I extends Event> implements Entity<I> {

    private final Address address;
    private final Class<I> inputType;
    private final Map<Class<?>, BiConsumer<Object, Effects>> handlers = new HashMap<>();
    private long now;
    private long current;
    private LatencyParts arrived;

    Machine(Address address, Class<I> inputType) {
        this.address = address;
        this.inputType = inputType;
    }

    /** Registers the handler of inputs of type {@code type}. */
    final <T extends I> void on(Class<T> type, BiConsumer<T, Effects> handler) {
        handlers.put(type, (input, fx) -> handler.accept(type.cast(input), fx));
    }

    /** Fails unless every type {@code I} permits has a handler: call at the end of the constructor. */
    final void requireEveryInputHandled() {
        List<String> missing = new ArrayList<>();
        for (Class<?> c : permitted(inputType)) {
            if (!handlers.containsKey(c)) {
                missing.add(c.getSimpleName());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(getClass().getSimpleName() + " handles no " + missing);
        }
    }

    /** The concrete types a sealed interface permits, through sealed sub-interfaces. */
    static List<Class<?>> permitted(Class<?> sealed) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isSealed() && c.isInterface()) {
                out.addAll(permitted(c));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public final Address address() {
        return address;
    }

    @Override
    public final Class<I> inputType() {
        return inputType;
    }

    @Override
    public final Effects handle(I input, long at, long id, LatencyParts chain) {
        now = at;
        current = id;
        arrived = chain;
        Effects fx = new Effects();
        BiConsumer<Object, Effects> h = handlers.get(input.getClass());
        if (h == null) {
            throw new IllegalStateException(address + " has no handler for " + input.getClass().getSimpleName());
        }
        h.accept(input, fx);
        return fx;
    }

    /** The time of the input being handled, ns since the run started. */
    final long now() {
        return now;
    }

    /** The id of the input being handled. */
    final long current() {
        return current;
    }

    /** The latency parts of the chain the input being handled arrived on ({@link LatencyParts#ZERO} if none). */
    final LatencyParts arrived() {
        return arrived != null ? arrived : LatencyParts.ZERO;
    }
}
