package org.dicelens.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.Observable;
import org.dicelens.app.tasks.Latest;
import org.dicelens.app.tasks.Tasks;
import org.dicelens.metrics.voxel.VoxelMetric;
import org.dicelens.metrics.voxel.VoxelMetrics;
import org.dicelens.metrics.voxel.VoxelRequest;

/**
 * The view model's one asynchronous channel for voxel metrics: each registered metric is recomputed when the case,
 * the controls or the chosen class change, after the user stops moving a control ({@link #DEBOUNCE_MS}), on the
 * "voxel" lane, latest-wins (a newer request cancels the one computing), through the case's cached tier.
 */
final class VoxelChannels {
    /** Quiet time after the last control change before a voxel metric is computed. */
    static final long DEBOUNCE_MS = 250;

    private final Tasks tasks;
    private final ViewerModel vm;
    private final List<Entry<?>> entries = new ArrayList<>();

    VoxelChannels(Tasks tasks, ViewerModel vm) {
        this.tasks = tasks;
        this.vm = vm;
    }

    private record Job(VoxelMetrics tier, VoxelRequest request) {
    }

    /** One registration: the channel, its latest-wins worker and its pending debounce. */
    private final class Entry<R> {
        final VoxelMetric<R> metric;
        final Supplier<VoxelRequest> request;
        final java.util.function.BooleanSupplier wanted;
        final VoxelChannel<R> channel;
        final Latest<Job, R> latest;
        Runnable pendingDelay = () -> { };
        long scheduled;
        Job last;
        /** Sequence of the last request answered (shown, failed); busy until it is the newest submitted. */
        long answered;

        Entry(VoxelMetric<R> metric, Supplier<VoxelRequest> request, java.util.function.BooleanSupplier wanted) {
            this.metric = metric;
            this.request = request;
            this.wanted = wanted;
            this.channel = new VoxelChannel<>(metric, this::cancel);
            this.latest = tasks.latest("voxel", r -> {
                if (r.sequence() != latest().lastSubmitted()) {
                    return; // a newer request is on its way
                }
                answered = r.sequence();
                channel.busy.set(false);
                if (r.error() != null) {
                    vm.report("Could not compute " + metric.key(), r.error());
                } else if (isCurrent(r.request())) {
                    channel.request.set(r.request().request());
                    channel.result.set(r.value());
                }
            });
        }

        Latest<Job, R> latest() {
            return latest;
        }

        /** A trigger fired: wait for quiet, then ask for the current request. */
        void schedule() {
            if (!wanted.getAsBoolean()) {
                cancel(); // nobody shows it now: compute nothing until it is wanted again (a trigger)
                return;
            }
            pendingDelay.run();
            long token = ++scheduled;
            channel.busy.set(true);
            pendingDelay = tasks.later(DEBOUNCE_MS, () -> {
                if (token == scheduled) {
                    submit();
                }
            });
        }

        void submit() {
            LoadedCase lc = vm.current();
            VoxelMetrics tier = lc == null ? null : lc.analysis().voxels();
            if (tier == null || vm.controls().classes().isEmpty()) {
                channel.busy.set(false);
                return;
            }
            Job j = new Job(tier, request.get());
            if (j.equals(last)) {
                // nothing that matters to this metric changed: busy only while that same request is still computing
                channel.busy.set(answered != latest.lastSubmitted());
                return;
            }
            last = j;
            latest.submit(j, (q, progress) -> q.tier().get(metric, q.request(), progress));
        }

        void cancel() {
            pendingDelay.run();
            scheduled++;
            latest.invalidate();
            last = null;
            channel.busy.set(false);
        }

        void caseChanged() {
            cancel();
            channel.result.set(null);
            channel.request.set(null);
        }
    }

    private boolean isCurrent(Job j) {
        LoadedCase lc = vm.current();
        return lc != null && lc.analysis().voxels() == j.tier();
    }

    <R> VoxelChannel<R> register(VoxelMetric<R> metric, Supplier<VoxelRequest> request,
            java.util.function.BooleanSupplier wanted, Observable... triggers) {
        Entry<R> e = new Entry<>(Objects.requireNonNull(metric), request, wanted);
        entries.add(e);
        vm.controls().settingsProperty().addListener(x -> e.schedule());
        vm.controls().selectedClassProperty().addListener(x -> e.schedule());
        for (Observable t : triggers) {
            t.addListener(x -> e.schedule());
        }
        if (vm.current() != null) {
            e.schedule();
        }
        return e.channel;
    }

    /** A new case: results of the old one are dropped, every channel recomputes for the new one. */
    void invalidate() {
        for (Entry<?> e : entries) {
            e.caseChanged();
        }
    }

    /** After the new case is installed (and its controls set). */
    void refresh() {
        for (Entry<?> e : entries) {
            e.schedule();
        }
    }
}
