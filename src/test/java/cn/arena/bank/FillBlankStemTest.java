package cn.arena.bank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The contract's rule for a blank in a stem, on the ways Chinese question banks write one. */
class FillBlankStemTest {

    @ParameterizedTest(name = "{0} has {1} blank(s)")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "政务服务“一网”指（\u3000\u3000）。"             | 1
            "（\u3000）和（\u3000\u3000\u3000）"                | 2
            "全角括号空着（）"                                  | 1
            "半角括号空着()"                                    | 1
            "半角括号一个空格( )"                               | 1
            "不换行空格（\u00A0\u00A0）"                        | 1
            "制表符(\t)"                                        | 1
            "混合空白（ \u3000\u00A0\t）"                       | 1
            "零宽空格（\u200B）"                                | 1
            "半角下划线___"                                     | 1
            "长下划线______和___"                               | 2
            "全角下划线＿＿＿"                                  | 1
            "半全混排下划线_＿_"                                | 1
            "两个下划线__不是空"                                | 0
            "两个全角下划线＿＿不是空"                          | 0
            "括号里有字（注）不是空"                            | 0
            "括号里有字(A)不是空"                               | 0
            "没有空"                                            | 0
            "（　　）、(  )、（）、___、＿＿＿＿、__"          | 5
            """)
    void countsBlanksWrittenAsEmptyBracketsOrThreeUnderscores(String stem, int blanks) {
        assertThat(FillBlank.blanksIn(stem)).isEqualTo(blanks);
    }
}
