package cn.arena.practice;

/**
 * One question in a member's wrong-answer book (错题本): how often it was answered wrong, and how many times in a row
 * it was answered right when practised from the book. Two right in a row clear it; a wrong answer starts that over.
 */
record MistakeEntry(int wrongCount, int rightInRow) {

    static final int RIGHT_TO_CLEAR = 2;

    static MistakeEntry first() {
        return new MistakeEntry(1, 0);
    }

    MistakeEntry wrongAgain() {
        return new MistakeEntry(wrongCount + 1, 0);
    }

    MistakeEntry answered(boolean correct) {
        return correct ? new MistakeEntry(wrongCount, rightInRow + 1) : wrongAgain();
    }

    boolean cleared() {
        return rightInRow >= RIGHT_TO_CLEAR;
    }
}
