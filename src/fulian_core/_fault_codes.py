"""The table of fault codes (错误代码表): one row per kind of fault or refusal.

Each row gives the stable code an app keys on, the English wording (as a template whose
``{names}`` are the fault's params), the Chinese template an app shows, and the English
wordings the library's messages take for that kind, as regular expressions whose named groups
are the params. The wordings let a fault raised anywhere in the library be read back into its
code and params, so the English messages (which tests assert exactly) stay as they are and the
table stays the one place that knows every kind of fault.

In a Chinese template, ``[...]`` is a part shown only when every param inside it is known.
Params holding English prose (``what``) are kept for apps but never shown in Chinese.
"""

from __future__ import annotations

from typing import Final

_TYPE = r"[A-Za-z_][A-Za-z0-9_]*"
_NUMBER = r"-?[0-9]+(?:,[0-9]{3})*(?:\^[0-9]+)?"
_NOT_TEXT = r"(?:,? \(?not (?:a )?text(?: or (?:a )?mapping)?\)?)?"
_NOT_TEXT_OR_LIST = r"(?:,? \(?not (?:a )?text or (?:a )?list\)?)?"

ROWS: Final[tuple[tuple[str, str, str, tuple[str, ...]], ...]] = (
    # -- types and shapes ---------------------------------------------------------------------
    ("expected_bool", "true or false", "应为真或假（true 或 false）", ("true or false",)),
    (
        "expected_date",
        "a date",
        "应为日期",
        ("a date", r"a date \(not a datetime\)", "dates", r"a date \(not a date and time\)", r"a due date \(a date\)"),
    ),
    (
        "expected_datetime",
        "a date and time with its time zone",
        "应为带时区的日期时间",
        (
            r"a date and time with its time zone \(e\.g\. tzinfo=CHINA_STANDARD_TIME\)",
            "a date and time or None",
            "a datetime",
            "a time with a date in China time",
        ),
    ),
    (
        "expected_time",
        "a time of day",
        "应为一天中的时刻（不带时区）",
        (r"a time of day(?: without a time zone \(time_zone states it\))?",),
    ),
    (
        "expected_timezone",
        "a fixed UTC offset in whole minutes",
        "应为以整分钟计的固定 UTC 偏移时区（如 CHINA_STANDARD_TIME）",
        (r"a fixed UTC offset in whole minutes \(a datetime\.timezone such as CHINA_STANDARD_TIME\)",),
    ),
    (
        "expected_number",
        "a number (int, decimal string or Decimal; never a float)",
        "应为数（整数、小数字符串或 Decimal，不能是浮点数）",
        (
            r"a number \(int, decimal string or Decimal; never a float\)",
            r"an int, a decimal string or a Decimal(?: \(never a float\))?",
            "an int, a Fraction or a Decimal",
            "a decimal number written as a string",
            "a decimal number",
            r"a number of points \(int or Decimal\)",
            r"a quantity \(int or Decimal\) or None",
            r"a Decimal \(or None for a blank figure\)",
            "a Quantity or a Decimal",
        ),
    ),
    (
        "expected_finite",
        "a finite number",
        "应为有限数（不能是 NaN 或无穷大）",
        (
            (
                r"a (?:positive )?finite (?:number|decimal number|amount of money|Decimal ratio)"
                r"(?: \(int or Decimal\))?(?: or None)?(?: >= (?P<low>[0-9]+))?"
            ),
        ),
    ),
    ("expected_text", "text", "应为文本", ("text", "a mobile number as text", "an ID number as text")),
    ("empty_collection", "at least one {what}", "应至少有一项", (r"at least one (?P<what>.+)",)),
    (
        "text_untrimmed",
        "non-empty text without surrounding spaces",
        "应为非空且首尾没有空格的文本",
        ("non-empty text without surrounding spaces",),
    ),
    ("empty_text", "non-empty text", "应为非空文本", ("non-empty text", r"a non-empty (?P<what>[a-z ]+)")),
    (
        "text_unencodable",
        "text without NUL or lone surrogates (UTF-8)",
        "应为可按 UTF-8 编码的文本（不含 NUL 字符或孤立代理项）",
        (
            r"text without NUL or lone surrogates \(UTF-8\)",
            r"a name, or nothing \(text without NUL or lone surrogates\)",
        ),
    ),
    (
        "text_too_long",
        "text of at most {limit} characters",
        "应为不超过 {limit} 个字符的文本",
        (r"(?:text|an? (?P<what>[a-z ]+?)) of at most (?P<limit>[0-9,]+) characters",),
    ),
    (
        "expected_list",
        "a list of {what}, not text or a mapping",
        "应为列表（不能是文本或映射）",
        (
            r"an? (?:list|collection|sequence)(?: of (?P<what>.+?))?" + _NOT_TEXT,
            r"a \(code, name\) pair",
            r"a row of cells" + _NOT_TEXT,
        ),
    ),
    (
        "expected_mapping",
        "a mapping of {what}, not text or a list",
        "应为映射（不能是文本或列表）",
        (r"an? mapping(?: (?:of|with) (?P<what>.+?))?" + _NOT_TEXT_OR_LIST,),
    ),
    (
        "expected_type_or_none",
        "a {types} or None",
        "应为 {types} 类型的值或空值（None）",
        (
            rf"an? (?P<types>{_TYPE})(?: class)? or None",
            rf"(?P<types>[A-Z]{_TYPE}) or None",
        ),
    ),
    (
        "expected_enum_code",
        "a {type} code",
        "应为 {type} 的代码值",
        (rf"an? (?P<type>[A-Z]{_TYPE}) code",),
    ),
    (
        "expected_type",
        "a {types}",
        "应为 {types} 类型的值",
        (
            rf"an? (?P<types>{_TYPE}(?: or an? {_TYPE})*)",
            rf"(?P<types>[A-Z]{_TYPE})",
            rf"(?P<types>[A-Z]{_TYPE}) members",
            rf"(?:a measured|the part, a|the whole, a) (?P<types>{_TYPE})",
            r"a (?P<types>RandomSource) or a whole-number seed",
            rf"an? (?P<types>{_TYPE}) \(or anything with a subject and a due date\)",
            rf"(?P<types>[A-Z]{_TYPE}) values",
            r"the (?P<types>Unit) of the measured figure",
        ),
    ),
    ("expected_class", "a type to build", "应为要构建的类型（类）", ("a type to build",)),
    (
        "no_plain_form",
        "a type with a plain-data form ({type} has none)",
        "应为有纯数据形式的类型（{type} 没有）",
        (rf"a type with a plain-data form \((?P<type>{_TYPE}) has none\)",),
    ),
    (
        "wrong_shape",
        "a value of the right shape",
        "应为结构正确的值",
        ("a value of the right shape",),
    ),
    ("missing_key", "a value (the key is required)", "缺少此键（必填）", (r"a value \(the key is required\)",)),
    (
        "unknown_key",
        "no such key (unknown keys are rejected)",
        "不应有此键（未知的键会被拒绝）",
        (r"no such key \(unknown keys are rejected\)",),
    ),
    (
        "expected_one_of",
        "one of {choices}",
        "应为以下之一：{choices}",
        (
            r"one of (?P<choices>'.*')",
            r"an? (?P<choices>year, half, quarter or month) PeriodKind",
            r"a (?P<choices>year, half, quarter or month)(?:, or None)?",
            r"one of the table's (?:units|indicators) \[(?P<choices>.*)\]",
            r"an? \w+ \((?P<choices>'[^']*' or '[^']*')\)",
            r"(?P<choices>'[^']*' or '[^']*')",
            r"(?P<choices>[a-z]+(?:, [a-z]+)* or [a-z]+)",
            r"an? \w+ \((?P<choices>[^()]+ or [^()]+)\)",
            r"(?P<choices>[a-z_]+(?:, [a-z_]+)* or [a-z_]+) for .+ \(.+\)",
            r"a calendar kind \((?P<choices>.*)\)",
            r"one of (?P<choices>.*)",
        ),
    ),
    (
        "code_format",
        "a code of ASCII letters, digits, {allowed}",
        "应为由 ASCII 字母、数字及 {allowed} 组成的代码",
        (r"a code of ASCII letters, digits, (?P<allowed>.*)",),
    ),
    (
        "expected_code",
        "a {what} code",
        "应为代码或编号（文本）",
        (
            r"an? (?P<what>[a-z ]+) (?:code|id)(?: or None|, or nothing)?",
            r"an? (?:ballot|voter|holder) id",
            "a code or None",
            r"a task code or ''",
            r"a payload field name",
        ),
    ),
    # -- formats of written values ------------------------------------------------------------
    (
        "date_format",
        "an ISO 8601 date (YYYY-MM-DD)",
        "应为 ISO 8601 格式的日期（YYYY-MM-DD）",
        (r"an ISO 8601 date \(YYYY-MM-DD\)",),
    ),
    (
        "datetime_format",
        "an ISO 8601 date and time with its UTC offset (YYYY-MM-DDTHH:MM:SS+08:00)",
        "应为带 UTC 偏移的 ISO 8601 日期时间（YYYY-MM-DDTHH:MM:SS+08:00）",
        (r"an ISO 8601 date and time with its UTC offset \(YYYY-MM-DDTHH:MM:SS\+08:00\)",),
    ),
    (
        "text_format",
        "a {what} such as {examples}",
        "应为如下格式的文本：{examples}",
        (
            r"an? (?P<what>[A-Za-z ]+?) such as (?P<examples>'.*')",
            r"an? (?P<what>[a-z ]+?) such as (?P<examples>.*)",
            r"a well-formed Chinese numeral \((?P<examples>.*)\)",
            r"at most one qualifier \((?P<examples>.*) \.\.\.\)",
            r"a (?P<what>threshold) written as text \((?P<examples>'.*')\)",
            (
                r"a number \((?P<examples>85, 12\.5, 八十五)\), a fraction \(2/3, 三分之二\) or a percentage \(50%\); "
                r"never a float"
            ),
            r"a reported figure such as (?P<examples>'.*')",
            r"a (?P<what>rate) from 0 to 1 such as (?P<examples>'0\.04')",
        ),
    ),
    (
        "division_code_format",
        "a division code of 2, 4, 6, 9 or 12 digits",
        "应为 2、4、6、9 或 12 位数字的行政区划代码",
        ("a division code of 2, 4, 6, 9 or 12 digits", "a division code whose last part is not all zeros"),
    ),
    (
        "mobile_format",
        "an 11-digit mainland mobile number starting 13-19",
        "应为以 13–19 开头的 11 位中国大陆手机号码",
        ("an 11-digit mainland mobile number(?: starting 13-19)?",),
    ),
    (
        "resident_id_format",
        "17 digits and a check digit or X",
        "应为 17 位数字加一位校验码（数字或 X）",
        (
            "17 digits and a check digit or X",
            "17 digits",
            "an 18-character resident ID number",
            r"a correct check digit \(GB 11643\)",
        ),
    ),
    (
        "invalid_date",
        "real calendar dates",
        "应为真实存在的日期",
        ("real calendar dates", "a label naming real dates", "a valid birth date in digits 7-14"),
    ),
    # -- numbers in range ---------------------------------------------------------------------
    (
        "too_small",
        "a whole number >= {low}",
        "应为不小于 {low} 的整数",
        (
            rf"a whole (?:number|count|distance)(?: of (?P<what>[a-z -]+?))? (?:>=|of at least) (?P<low>{_NUMBER})",
            rf"a count >= (?P<low>{_NUMBER})",
        ),
    ),
    (
        "number_too_small",
        "a number >= {low}",
        "应为不小于 {low} 的数",
        (
            rf"a number >= (?P<low>{_NUMBER})(?: \(reported figures are never negative\))?",
            r"a share of at least (?P<low>[0-9]+%)",
        ),
    ),
    (
        "not_positive",
        "a positive number",
        "应为正数（大于 0）",
        (
            r"a positive (?P<what>count|number)",
            r"a whole greater than zero",
            r"counts with a positive total",
        ),
    ),
    (
        "too_precise",
        "an amount exact to the fen (0.01 元)",
        "小数位数应不超过规定[（{places} 位）]",
        (
            r"an amount exact to the fen \(0\.01 元\)",
            r"a number with at most (?P<places>[0-9]+) decimals",
            r"a measure in .+ with at most (?P<places>[0-9]+) decimal places",
        ),
    ),
    (
        "too_large",
        "a whole number at most {high}",
        "应为不大于 {high} 的整数",
        (rf"a whole number at most (?P<high>{_NUMBER})",),
    ),
    (
        "out_of_range",
        "a whole number from {low} to {high}",
        "应在 {low} 到 {high} 之间",
        (
            (
                rf"a whole (?:number|count|year)(?: of (?P<what>[a-z -]+?))? from (?P<low>{_NUMBER}) to "
                rf"(?P<high>{_NUMBER})(?: \(the room in stock\)| or None)?"
            ),
            (
                rf"an? (?P<what>factor|day|month) from (?P<low>{_NUMBER}) to (?P<high>{_NUMBER})"
                r"(?: or (?:from )?-1 to -[0-9]+)?"
            ),
            rf"(?P<low>{_NUMBER}) to (?P<high>{_NUMBER}) (?P<what>days|grades)",
            r"a weekday from (?P<low>0) \(Monday\) to (?P<high>6) \(Sunday\)",
            rf"the duration of the .+ in whole seconds from (?P<low>{_NUMBER}) to (?P<high>{_NUMBER})",
            rf"an? (?P<what>score|weight) from (?P<low>{_NUMBER}) to (?P<high>{_NUMBER})",
            r"a share of .+? from (?P<low>[0-9]+%) to (?P<high>[0-9]+%)",
        ),
    ),
    (
        "too_many",
        "at most {limit} {what}",
        "项数应不超过 {limit}",
        (
            rf"at most (?P<limit>{_NUMBER})(?: (?P<what>[a-z ]+))?",
            rf"(?P<low>{_NUMBER}) to (?P<limit>{_NUMBER}) (?P<what>item codes|steps|items|bands|thresholds)",
        ),
    ),
    (
        "too_many_digits",
        "a whole number of at most {digits} digits",
        "应为不超过 {digits} 位的整数",
        (r"a whole number of at most (?P<digits>[0-9]+) digits",),
    ),
    (
        "expected_whole",
        "a whole number",
        "应为整数",
        (
            r"a whole (?:number|count|year)(?: of (?P<what>[a-z -]+?))?",
            r"a whole number \(negative, zero or positive\)",
            r"a whole number of years, months or days",
            r"a whole number of points \(or fractions='floor'\)",
            "whole years",
            "an exact whole count",
        ),
    ),
    (
        "number_out_of_range",
        "a number below {high} with at most {places} decimal places",
        "应为[不小于 {low} 且]小于 {high}[、最多 {places} 位小数]的数",
        (
            (
                rf"(?P<what>.+?)(?:,? (?:above|>=|from|of at least) (?P<low>{_NUMBER}))?,? below (?P<high>{_NUMBER}) "
                r"with at most (?P<places>[0-9]+) decimal(?: place)?s"
            ),
            rf"a (?P<what>figure) below (?P<high>{_NUMBER}) \(no report counts more\)",
            rf"a (?P<what>number) below (?P<high>{_NUMBER}) with a denominator of at most {_NUMBER}",
        ),
    ),
    (
        "decimal_too_long",
        "a decimal number of at most {digits} digits either side of the point",
        "应为小数点两侧各不超过 {digits} 位数字的小数",
        (r"a decimal number of at most (?P<digits>[0-9]+) digits either side of the point",),
    ),
    (
        "moment_out_of_range",
        "a time in the years {low} to {high} (China time)",
        "应为 {low} 年至 {high} 年之间的时间（北京时间）",
        (r"a time in the years (?P<low>[0-9]+) to (?P<high>[0-9]+) \(China time\)",),
    ),
    (
        "calendar_range",
        "a day in a covered year ({covered})",
        "应为日历覆盖年份内的日期[（{covered}）]",
        (
            "dates in a covered year",
            r"a year with a shipped schedule \((?P<covered>.*)\)",
            "years not covered by this calendar",
        ),
    ),
    # -- references to what a definition declares ---------------------------------------------
    (
        "inconsistent",
        "a value consistent with the rest of the definition",
        "应与定义的其他部分一致",
        (
            r"at most one group per inspector \((?P<count>[0-9]+)\)",
            r"one reporter per value \((?P<count>.+)\), or none",
            r"one value per reporter \((?P<count>.+)\)",
            r"at most places \((?P<count>[0-9]+)\)",
            r"event number (?P<count>[0-9]+)",
            r"the three phases .* in this order",
            r"the quantity .+ is tiered by",
            r"a term, or a validity rule for \w+ items",
            r"an? .+ period for .+",
            r"a working-day calendar for a notice counted in working days",
            r"a WorkingDayCalendar for working days, and none otherwise",
            r"a total exactly when there are values \(count > 0\)",
            r"a (?:published )?Threshold the (?:score|quantity|subtotal) must reach \(side 'above'\)",
            r"a published Threshold in points",
            r"at most two thresholds \(a range\)",
            r"a threshold that states its boundary once, of its own number",
            r"a last band without conditions \(.*\)",
            r"(?:a share|points), as the better bands' minimums are \(.*\)",
            r"both \w+ and \w+, or neither",
            r"a value whose indicator, unit and period are already in the dataset",
            r"states that are not final \(nothing leaves a final state\)",
            r"make-up working days on a Saturday or Sunday",
            r"an indicator other than the (?:numerator|left side)",
            r"a code other than the unit's own",
            r"a parent that does not lead back to the group",
            r"a label with its year, or the year= argument",
            r"an? \S+ item \(.+ is an? .+\)",
            r"an item counted per case, occurrence or member \(.+\)",
            r"a kind that tiles an? .+",
            r"a marker that spells .+",
            r"a Chinese numeral for the value .+",
            r"a code other than '.*'",
            r"a validity rule of .+ for an? .+ of .+ points",
            r"a threshold in the .+ condition's own terms \(.*\)",
            r"a state reachable from '.*'",
            r"villages each reachable by a group without a member from it, within balanced loads \(.*\)",
            r"its parent .+ to be given \(or fill_gaps=True\)",
        ),
    ),
    (
        "unknown_reference",
        "a {what} of {owner} ({known})",
        "应为定义中已声明的代码或编号[（{known}）]",
        (
            r"the id of an? (?P<what>[a-z ]+?)(?: of (?P<owner>this campaign|the record))?",
            r"a declared (?P<what>.+?) code \((?P<known>.*)\)",
            r"(?:a )?declared (?P<what>states?)",
            r"an? (?P<what>\S+(?: code)?) (?:of|for) (?P<owner>.+?) \((?P<known>.+)\)",
            r"an? (?P<what>\S+(?: code| subject)?) (?:of|for) (?P<owner>.+?)",
            r"(?:a )?(?P<what>(?:village|unit|indicator|item)) (?:code|of the tree|with distances)",
            r"a pair of known villages",
            r"a nominee with a committee score",
            r"an? (?P<what>unit|indicator) of the dataset's (?:hierarchy|set)",
            r"the 测评项目 a problem found in a 测评 falls under",
            r"the code of the receiving unit",
            r"the name of a rating",
            r"the period (?:the cap is per|a member's points are per)(?: \(month … year\))?",
            r"the case's name",
            r"the (?:code|record|id) of .+",
            r"(?:the )?(?:household inspected|inspection's id for a problem found in one)",
            r"(?:ids of nominations of this campaign|nomination ids|candidate or unit ids|every nominee)",
            r"guards the workflow declares",
            r"an? (?:counted indicator of the set|ratio indicator|counted indicator, not a ratio)",
            r"a kind local items may have",
            r"the kind of subject \(the sheet judges several\)",
            r"the unit whose rules apply \(or a subject with a unit\)",
            r"an event with a repairable direct grade",
            r"a condition that some band requires \(or a requirement for every passing band\)",
            r"item codes as keys",
            r"an item code and the line expected, both text",
            r"household .+",
            r"the holder of the account \(.+\)",
            r"the candidate of .+",
            r"the state of campaign '.*'",
            r"an? .+ \(the subjects .+ scores\)",
            r"names of (?:campaign|rectification|credit) counts \((?P<known>.*)\)",
            r"a band \((?P<known>.*)\)",
            r"facts .+ can score",
            r"an? \S+ phase",
            r"a unit at a level of the campaign \((?P<known>.*)\)",
            r"a sheet in force on .+ at .+ or above \(.*\)",
        ),
    ),
    (
        "payload_type",
        "a {type} payload for {command}",
        "应为此操作对应的载荷类型[（{type}）]",
        (
            rf"an? (?P<type>{_TYPE}) payload for (?P<command>{_TYPE})",
            r"a command payload \(Submit, Accept …\)",
            r"a payload record with its 'kind' \((?P<known>.*)\)",
            r"a fact: a record with its 'kind' and payload, or one of (?P<choices>.*)",
            r"a record with the (?P<type>.+) fact's payload",
            r"a payload with the field '.*' \(the due date of '.*'\)",
        ),
    ),
    (
        "needs_workflow",
        "a payload read with its workflow, which declares the payload classes",
        "应连同其工作流一起读取载荷（structure_case(data, workflow)）",
        (r"a payload read with its workflow, which declares the payload classes: structure_case\(data, workflow\)",),
    ),
    (
        "guard_context",
        "a context the {guard} guard of the {workflow} workflow can read",
        "应为工作流 {workflow} 的校验规则 {guard} 能读取的上下文",
        (r"a context the '(?P<guard>\w+)' guard of the (?P<workflow>\w+) workflow can read",),
    ),
    # -- rules that hold between fields -------------------------------------------------------
    (
        "not_applicable",
        "no {field} for a {kind}",
        "此情形下不应填写此项",
        (
            r"no (?P<field>.+?)(?: (?:for|without|on|that is also) (?P<kind>.+?)(?: \(.*\))?|: .+)",
            r"nothing for an? (?P<kind>.+)",
            r"false for a limit that is not published",
            r"'unknown' for a figure without a value",
            r"1 \(unused for a monthly cadence\)",
            r"0 (?:for|when) .+",
            r"None \(a photo has no duration\)",
            r"'case' for a direct grade",
            r"false(?: below|:) .+",
            r"a published minimum score in points, and nothing else",
        ),
    ),
    (
        "duplicate",
        "a code not used before",
        "不应与已有的重复（每项只能出现一次）",
        (
            r".+? not (?:used|linked|listed|given|named|repaired|already)\b.*",
            r"one value per indicator, unit and period \(already .+; use replace\(\)\)",
            r"one parent for \S+ \(already under .+\)",
            r"one transition per state for '.*'",
            r"a range not overlapping sheets\[[0-9]+\] \(.+\)",
            r"each (?:item|unit) once",
            r"distinct ids",
            r"items without duplicates",
            r"one quota per level, unit and category",
            r"a kind with no rule before",
        ),
    ),
    (
        "date_out_of_range",
        "a date when {sheet} is in force ({low} to {high})",
        "应为有效期或范围内的日期[（{low} 至 {high}）]",
        (
            r"a date when \S+ is in force(?: \((?P<low>\S+) to (?P<high>\S+)\))?",
            r"a date in the years (?P<low>[0-9]+)(?:-| to )(?P<high>[0-9]+)(?: \(.*\))?",
            r"a shift that stays within the years (?P<low>[0-9]+)-(?P<high>[0-9]+)",
            r"dates within \S+ \((?P<low>\S+) to (?P<high>\S+)\)",
            r"days in (?P<low>[0-9]+)",
            r"a date while the direct grade stands \(to (?P<high>\S+)\)",
            r"a due date .+ after .+ within the calendar",
            r"(?P<low>[0-9-]+)(?: or later)? \(.+, posted on [0-9-]+\)",
        ),
    ),
    (
        "date_order",
        "a date on or after {other}",
        "日期或时间的先后顺序不正确[（应不早于 {value}）]",
        (
            r"a (?:due )?date on or after (?P<other>.+?)(?: \((?P<value>.+)\))?",
            r"a (?:date|time) after (?P<other>.+?)(?: \((?P<value>.+?)\))?(?: on a one-day vote)?",
            r"\S+ \(the end of that .+\)",
            r"the first day of an? .+",
            r"a start and an end date",
            r"a time after 00:00 \(.*\)",
            r"the same date as start for a day",
        ),
    ),
    (
        "exceeds_limit",
        "at most the item's {limit} points",
        "超出允许的上限[（{limit}）]",
        (
            rf"(?:a cap |points per occurrence )?at most the item's (?P<limit>{_NUMBER}) points",
            rf"at most (?P<limit>{_NUMBER}) points for .+",
            rf"at most the stock of \S+ \((?P<limit>{_NUMBER})\)",
            r"a spend covered by the balance",
            r"a part no larger than its whole \((?P<limit>.+)\)",
            r"a lower quantity than the step before \((?P<limit>.+)\), highest step first",
            r"a threshold below the better band's (?P<limit>.+)",
        ),
    ),
    (
        "level_order",
        "a level above {level} (levels run upwards)",
        "层级顺序不正确（应由下级到上级）",
        (
            r"a level above .+?(?: \(levels run upwards\))?",
            r"a parent above .+ level \(.+\)",
            r"a level at or below .+'s \(.+\)",
            r"a unit at or above the level rolled up from \(.+\)",
        ),
    ),
    (
        "wrong_unit",
        "a figure in {unit} for {name}",
        "计量单位不符[（应为 {unit}）]",
        (
            r"a (?:figure|partial) in (?P<unit>.+?)(?: for .+)?",
            r"a whole in the part's unit \((?P<unit>.+)\)",
            r"an indicator in (?P<unit>.+) like the numerator \(or mixed_units=True\)",
        ),
    ),
    (
        "event_not_accepted",
        "an act the workflow accepts here",
        "应为工作流在此状态下接受的操作",
        (
            r"an act the workflow accepts here \(.*\)",
            r"a move from '.*' to '.*'",
            r"an event that fits the log so far: .*",
        ),
    ),
    (
        "sum_mismatch",
        "points adding up to the maximum {total}",
        "各项之和应等于 {total}",
        (
            rf"(?:points|scored weights) adding up to (?:the maximum )?(?P<total>{_NUMBER})",
            rf"weights summing to (?P<total>{_NUMBER})",
            rf"(?:at least )?the (?P<total>{_NUMBER}) points of its items(?:, or a pool that deduction items draw on)?",
        ),
    ),
    (
        "bound_order",
        "a bound above {other} ({value})",
        "上下限或区间不一致[（与 {other} 相比）][（{value}）]",
        (
            r"a bound (?:above|at least) (?P<other>\w+) \((?P<value>.+)\)",
            r"a ceiling at or above the (?P<other>start)",
            r"a floor at or below the (?P<other>start)",
            r"at least (?P<other>min_picks)",
            r"a maximum, or a minimum above 0 \(a quota bounds something\)",
            r"an interval around the value (?P<value>.+)",
        ),
    ),
    # -- errors that are not validation faults ------------------------------------------------
    (
        "unit_mismatch",
        "{operation}: expected the same unit on both sides, got {left} and {right}",
        "{operation}：两边应为同一单位，实际为 {left} 和 {right}",
        (),
    ),
    (
        "unknown_unit",
        "code: expected a unit of this hierarchy, got {code}",
        "code：应为本层级中的单位，实际为 {code}",
        (),
    ),
    (
        "insufficient_credit",
        "points: expected at most the balance of {holder} ({balance}), got {wanted}",
        "points：应不超过 {holder} 的积分余额（{balance}），实际为 {wanted}",
        (),
    ),
    (
        "unknown_command",
        "command: expected a command of the {workflow} workflow ({known}), got {command}",
        "command：应为工作流 {workflow} 的操作（{known}），实际为 {command}",
        (),
    ),
    (
        "guard",
        "{command} {subject} [{state}]: refused by guard '{guard}': {detail}",
        "{command}[ {subject}]［{state}］：被校验规则“{guard}”拒绝",
        (),
    ),
)
"""The rows of :data:`fulian_core.errors.FAULT_CODES`, in the order wordings are tried."""

GUARDS: Final[tuple[tuple[str, str], ...]] = (
    ("state", "当前状态不接受此操作"),
    ("role", "操作人的角色无权进行此操作"),
    ("reason", "此操作须填写理由"),
    ("chronology", "操作时间早于上一次已受理的操作"),
    ("window", "不在此阶段或本级的办理时间内"),
    ("level", "操作人不属于承办此事项的层级"),
    ("unit", "操作人不代表承办此事项的单位，或推荐未报送至本活动的单位"),
    ("recusal", "操作人须回避（本人、家庭、亲属或所在单位的推荐）"),
    ("own", "申请人或群众只能对本人提交的推荐进行操作"),
    ("id", "编号已被使用"),
    ("channel", "本活动不接受此推荐渠道"),
    ("category", "推荐类别不属于本活动"),
    ("candidate", "候选对象的类型不在评选标准之内"),
    ("duplicate", "同一候选对象在本级已被推荐"),
    ("dossier", "申报材料不齐全"),
    ("reviewed", "每位评审人在每一级只能评审一次"),
    ("eligible", "只有全部评审人认定符合条件的推荐才能入围"),
    ("notice_open", "异议只能在公示期间提出"),
    ("notice_period", "公示期满后才能结束公示"),
    ("objections", "尚有未处理的异议"),
    ("notice", "授予称号须经本级公示且无成立的异议"),
    ("next_level", "本活动没有更高一级可以上报"),
    ("quota", "超出单位或类别的推荐名额"),
    ("titled", "只有现有称号才能撤销，且须由本级或上级单位撤销"),
    ("task", "交办须指明任务清单中的创建任务及其责任单位"),
    ("found_first", "问题的登记时间早于发现时间"),
    ("responsible_unit", "整改须由被交办的责任单位报送"),
    ("not_self_check", "复查须由责任单位以外的人员进行"),
    ("overdue", "尚未超过整改期限，不能督办"),
    ("by_card", "此变更须依据评分表作出"),
    ("award_card", "验收或复查未确定达到挂牌等次"),
    ("first", "该户已挂过牌"),
    ("again", "该户此前未挂过牌"),
    ("veto", "未触发一票否决，或否决后仍有达标等次"),
    ("failing", "检查结果未低于所挂等次"),
    ("limit", "时限内不达标次数未达到规定次数"),
    ("under_limit", "时限内不达标次数已达到规定次数"),
    ("period_end", "不在评选周期结束时"),
    ("higher", "本期最后一次评分未达到更高等次"),
    ("lower", "本期最后一次评分未降到较低的达标等次"),
    ("none_reached", "本期最后一次评分仍达到某一达标等次"),
)
"""The guards the library's workflows declare, each with what its refusal means in Chinese
(``guard.quota`` …); a guard an app declares itself renders with the generic ``guard`` row."""
