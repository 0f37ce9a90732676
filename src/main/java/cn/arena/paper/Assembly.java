package cn.arena.paper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Paper assembly, reproducible from a seed: {@link #select} draws the questions of every section (meeting the bank
 * share), {@link #arrange} puts them in display order and orders each item's options. The same inputs and seed always
 * give the same paper; an attempt stores the result anyway, so later changes to the banks never alter it.
 */
public final class Assembly {

    private Assembly() {}

    /**
     * The questions for each slot, in section order. {@code pools} holds, per section, its eligible questions in a
     * stable order (by id); they are shuffled with the seed before the draw.
     *
     * @throws IllegalArgumentException when the pools cannot satisfy the blueprint (check {@link Supply} first)
     */
    public static List<Slot> select(Blueprint blueprint, List<List<Eligible>> pools, long seed) {
        return draw(blueprint, pools, seed).orElseThrow(() -> new IllegalArgumentException("the banks cannot supply this blueprint"));
    }

    /**
     * As {@link #select}, empty when the pools cannot satisfy the blueprint. A complete draw proves the blueprint
     * feasible (the draw is a maximum flow), so a caller needs {@link Supply} only to say what is short.
     */
    public static Optional<List<Slot>> draw(Blueprint blueprint, List<List<Eligible>> pools, long seed) {
        Random random = new Random(seed);
        List<List<Eligible>> shuffled = new ArrayList<>();
        for (List<Eligible> pool : pools) {
            List<Eligible> copy = new ArrayList<>(pool);
            java.util.Collections.shuffle(copy, random);
            shuffled.add(copy);
        }
        List<Integer> counts = blueprint.sections().stream().map(Section::count).toList();
        int items = blueprint.itemCount();
        BankShare share = blueprint.bankShare();
        Allocation allocation = share == null
                ? Allocation.of(counts, shuffled, null, Integer.MAX_VALUE)
                : Allocation.of(counts, shuffled, share.bankId(), items - share.required(items));
        if (allocation.total() < items) {
            return Optional.empty();
        }
        List<Slot> slots = new ArrayList<>();
        for (int s = 0; s < counts.size(); s++) {
            BigDecimal points = blueprint.sections().get(s).pointsEach();
            for (Eligible e : allocation.chosen().get(s)) {
                slots.add(e.slot(s, points));
            }
        }
        return Optional.of(List.copyOf(slots));
    }

    /**
     * The selection in display order. Question shuffling reorders items within their section (a paper keeps its parts
     * in blueprint order, as printed papers do); option shuffling reorders the options of choice questions.
     */
    public static List<PaperItem> arrange(List<Slot> selection, long seed, boolean shuffleQuestions, boolean shuffleOptions) {
        Random random = new Random(seed);
        List<Slot> ordered = new ArrayList<>();
        int start = 0;
        while (start < selection.size()) {
            int section = selection.get(start).section();
            int end = start;
            while (end < selection.size() && selection.get(end).section() == section) {
                end++;
            }
            List<Slot> part = new ArrayList<>(selection.subList(start, end));
            if (shuffleQuestions) {
                java.util.Collections.shuffle(part, random);
            }
            ordered.addAll(part);
            start = end;
        }
        List<PaperItem> items = new ArrayList<>();
        for (Slot slot : ordered) {
            List<String> options = new ArrayList<>(slot.type().hasOptions() ? slot.optionKeys() : List.of());
            if (shuffleOptions) {
                java.util.Collections.shuffle(options, random);
            }
            items.add(new PaperItem(slot.questionId(), slot.type(), slot.points(), options));
        }
        return List.copyOf(items);
    }

    /** A seed derived from another and some parts (e.g. the exam's seed and a candidate's id), well mixed. */
    public static long derive(long seed, long... parts) {
        long h = mix(seed);
        for (long part : parts) {
            h = mix(h ^ mix(part + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
