package org.boxoffice.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Contenders started at the same instant, each on its own (virtual) thread; a contender's failure fails the race.
 * Gates inside a contender (to make every racer read before any writes) use {@link #await}.
 */
public final class Race {
    private static final int SECONDS = 60;

    private Race() {
    }

    public static void atOnce(int contenders, IntConsumer contender) {
        results(contenders, i -> {
            contender.accept(i);
            return null;
        });
    }

    /** Each contender's answer, in contender order. */
    public static <T> List<T> results(int contenders, IntFunction<T> contender) {
        return results(IntStream.range(0, contenders).<Supplier<T>>mapToObj(i -> () -> contender.apply(i)).toList());
    }

    /** Different contenders, started together; their answers in the same order. */
    public static <T> List<T> results(List<Supplier<T>> contenders) {
        CyclicBarrier start = new CyclicBarrier(contenders.size());
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> running = new ArrayList<>();
            for (Supplier<T> contender : contenders) {
                running.add(threads.submit(() -> {
                    start.await(SECONDS, TimeUnit.SECONDS);
                    return contender.get();
                }));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> future : running) {
                answers.add(future.get(SECONDS, TimeUnit.SECONDS));
            }
            return answers;
        } catch (Exception e) {
            throw new AssertionError("a contender failed", e);
        }
    }

    /** Waits at a gate shared by the racers (at most a minute, so a broken race fails instead of hanging). */
    public static void await(CyclicBarrier gate) {
        try {
            gate.await(SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other racers never reached the gate", e);
        }
    }

    /**
     * A client's call repeated while it is answered 503 (the door full, a lock not granted in time: "ask again"), as
     * the contract tells clients to; returns the first other status.
     */
    public static int untilServed(IntSupplier call) {
        int status;
        do {
            status = call.getAsInt();
        } while (status == 503);
        return status;
    }
}
