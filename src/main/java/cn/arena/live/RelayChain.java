package cn.arena.live;

import java.util.List;

/**
 * The relay's chain rule (接力答题): member k's question is worth {@code values[k]} if member k−1 answered correctly,
 * otherwise {@code values[k−1]}; the first member's is worth {@code values[0]}. A wrong answer earns nothing.
 */
record RelayChain(List<Integer> values) {

    int worth(int member, boolean previousCorrect) {
        if (member == 0) {
            return values.get(0);
        }
        return previousCorrect ? values.get(member) : values.get(member - 1);
    }

    /** What a team earns for its members' answers in order. */
    int total(List<Boolean> correct) {
        int sum = 0;
        for (int k = 0; k < correct.size(); k++) {
            if (correct.get(k)) {
                sum += worth(k, k > 0 && correct.get(k - 1));
            }
        }
        return sum;
    }
}
