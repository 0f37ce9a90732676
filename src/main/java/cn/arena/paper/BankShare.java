package cn.arena.paper;

/** The rule "at least {@code minPercent}% of the items come from bank {@code bankId}" (the seed's 90% rule). */
public record BankShare(long bankId, int minPercent) {

    /** How many of {@code items} must come from the bank: the percentage rounded up, so 90% of 25 is 23. */
    public int required(int items) {
        return (int) Math.ceil(items * (double) minPercent / 100.0 - 1e-9);
    }
}
