package io.detc.run;

import io.detc.event.Event;
import io.detc.event.EventProblem;
import io.detc.event.EventReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Reads and parses event files on a second thread while the caller matches, so parsing (most of the cost) and
 * matching use both cores. Events and problems arrive in input order, in batches, through a bounded queue: memory
 * stays flat however large the input.
 */
final class ReadAhead {
    private static final int BATCH = 512;
    private static final int QUEUED_BATCHES = 32;

    private sealed interface Item permits Batch, End, Failure {
    }

    /** Events and problems in input order. */
    private record Batch(List<Object> items) implements Item {
    }

    private record End() implements Item {
    }

    private record Failure(Throwable error) implements Item {
    }

    private ReadAhead() {
    }

    /** Reads every input on a reader thread and hands each event and problem, in order, to the consumers. */
    static void run(EventReader reader, List<EventInput> inputs, Consumer<Event> events,
                    Consumer<EventProblem> problems) {
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        Thread t = new Thread(() -> produce(reader, inputs, queue), "detc-event-reader");
        t.setDaemon(true);
        t.start();
        try {
            while (true) {
                Item item = queue.take();
                if (item instanceof End) {
                    return;
                }
                if (item instanceof Failure f) {
                    throw f.error() instanceof RuntimeException r ? r : new IllegalStateException(f.error());
                }
                for (Object o : ((Batch) item).items()) {
                    if (o instanceof Event e) {
                        events.accept(e);
                    } else {
                        problems.accept((EventProblem) o);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading events", e);
        } finally {
            t.interrupt();
        }
    }

    private static void produce(EventReader reader, List<EventInput> inputs, BlockingQueue<Item> queue) {
        List<Object> batch = new ArrayList<>(BATCH);
        Consumer<Object> add = o -> {
            batch.add(o);
            if (batch.size() >= BATCH) {
                put(queue, new Batch(List.copyOf(batch)));
                batch.clear();
            }
        };
        try {
            for (EventInput in : inputs) {
                reader.read(in.path(), in.shown(), in.forced(), add::accept, add::accept);
            }
            if (!batch.isEmpty()) {
                put(queue, new Batch(List.copyOf(batch)));
            }
            put(queue, new End());
        } catch (RuntimeException | Error e) {
            put(queue, new Failure(e));
        }
    }

    private static void put(BlockingQueue<Item> queue, Item item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("event reader interrupted", e);
        }
    }
}
