package org.boxoffice.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Contenders started at the same instant, each on its own thread; a contender's failure fails the race. */
public final class Race {
    private Race() {
    }

    public static void atOnce(int contenders, IntConsumer contender) {
        CyclicBarrier start = new CyclicBarrier(contenders);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                int which = i;
                running.add(threads.submit(() -> {
                    start.await();
                    contender.accept(which);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (Exception e) {
            throw new AssertionError("a contender failed", e);
        }
    }
}
