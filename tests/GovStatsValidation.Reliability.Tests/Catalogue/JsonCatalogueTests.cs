using GovStatsValidation.TestUtils;
using static GovStatsValidation.Reliability.Tests.Catalogue.CatalogueCase;
using static GovStatsValidation.Reliability.Tests.Support.Samples;

namespace GovStatsValidation.Reliability.Tests.Catalogue;

/// <summary>Broken and hostile report JSON: each case pinned to the exact input error or findings it must produce.</summary>
public class JsonCatalogueTests
{
    [Test]
    public void Check_ValidBaseline_NoInputError() => Snapshot.Match(Check("baseline.json", Json2021()));

    [Test]
    public void Check_MissingComma_SyntaxErrorWithLine() =>
        Snapshot.Match(Check("missing-comma.json", Json2021().Replace("\"requests.new[total]\": 10,", "\"requests.new[total]\": 10", StringComparison.Ordinal)));

    [Test]
    public void Check_Truncated_SyntaxErrorWithLine()
    {
        var json = Json2021();
        Snapshot.Match(Check("truncated.json", json[..(json.Length / 2)]));
    }

    [Test]
    public void Check_TrailingGarbage_Rejected() => Snapshot.Match(Check("trailing.json", Json2021() + "{\"x\": 1}"));

    [Test]
    public void Check_UnknownCellId_ErrorNamesCellAndSuggests() => Snapshot.Match(Check("unknown-cell.json", Json2021("\"requests.nwe[total]\": 4")));

    [Test]
    public void Check_DuplicatedCellId_ErrorNamesCell() => Snapshot.Match(Check("duplicate-cell.json", Json2021("\"requests.new[total]\": 11")));

    [Test]
    public void Check_IntegerBeyondDecimal_OutOfRange() => Snapshot.Match(Check("overflow-integer.json", Json2021("\"review[total]\": 99999999999999999999999")));

    [Test]
    public void Check_IntegerBeyondLong_OutOfRange() => Snapshot.Match(Check("overflow-long.json", Json2021("\"review[total]\": 99999999999999999999")));

    [Test]
    public void Check_CountTooLargeForTheRules_ReportedNotCrashed() => Snapshot.Match(Check("huge-count.json", Json2021("\"review[total]\": 9999999999999999")));

    [Test]
    public void Check_DecimalTooLargeForTheRules_ReportedNotCrashed() => Snapshot.Match(Check("huge-decimal.json", Json2021("\"review[total]\": 100000000000000000000.5")));

    [Test]
    public void Check_SumOverflowsFixedPoint_ReportedNotCrashed() =>
        Snapshot.Match(Check("sum-overflow.json", Json2021("\"litigation.direct[total]\": 900000000000000, \"litigation.after_review[total]\": 900000000000000, \"review[total]\": 900000000000000")));

    [Test]
    public void Check_Exponent1e309_OutOfRange() => Snapshot.Match(Check("exp-309.json", Json2021("\"review[total]\": 1e309")));

    [Test]
    public void Check_TinyExponent_KeptNotRounded() => Snapshot.Match(Check("exp-tiny.json", Json2021("\"review[total]\": 1e-30")));

    [Test]
    public void Check_NaNLiteral_SyntaxError() => Snapshot.Match(Check("nan.json", Json2021("\"review[total]\": NaN")));

    [Test]
    public void Check_InfinityLiteral_SyntaxError() => Snapshot.Match(Check("infinity.json", Json2021("\"review[total]\": -Infinity")));

    [Test]
    public void Check_NaNString_UnreadableRawKept() => Snapshot.Match(Check("nan-string.json", Json2021("\"review[total]\": \"NaN\"")));

    [Test]
    public void Check_NegativeCount_Finding() => Snapshot.Match(Check("negative.json", Json2021("\"review[total]\": -3")));

    [Test]
    public void Check_FractionalCount_FindingValueKept() => Snapshot.Match(Check("fraction.json", Json2021("\"review[total]\": 2.5")));

    [Test]
    public void Check_FractionBeyondFourDecimals_ReportedNotRounded() => Snapshot.Match(Check("fraction-5.json", Json2021("\"review[total]\": 2.00001")));

    [Test]
    public void Check_FractionBeyondSixDecimals_ReadingNoteNotRounded() => Snapshot.Match(Check("fraction-7.json", Json2021("\"review[total]\": 2.0000001")));

    [Test]
    public void Check_TypeNameInInput_IgnoredNoTypeResolved() =>
        Snapshot.Match(Check("type.json", Json2021().Replace("\"cells\": {", "\"$type\": \"System.IO.FileInfo, System.IO.FileSystem\", \"claims\": [{\"$type\": \"System.Diagnostics.Process, System.Diagnostics.Process\", \"kind\": \"figure\", \"text\": \"共收到申请10件\", \"value\": 10, \"location\": {\"line\": 3}}], \"cells\": {", StringComparison.Ordinal)));

    [Test]
    public void Check_FractionalCountAsText_FindingRawKept() => Snapshot.Match(Check("fraction-text.json", Json2021("\"review[total]\": \"2.50件\"")));

    [Test]
    public void Check_UnreadableCellText_RawKept() => Snapshot.Match(Check("unreadable.json", Json2021("\"review[total]\": \"见附件\"")));

    [Test]
    public void Check_CellValueArray_ErrorNamesCell() => Snapshot.Match(Check("cell-array.json", Json2021("\"review[total]\": [1, 2]")));

    [Test]
    public void Check_CellObjectWithStringValue_ErrorNamesCell() => Snapshot.Match(Check("cell-object.json", Json2021("\"review[total]\": { \"value\": \"3\" }")));

    [Test]
    public void Check_CellObjectWithUnknownState_ErrorNamesCell() => Snapshot.Match(Check("cell-state.json", Json2021("\"review[total]\": { \"value\": 3, \"state\": \"maybe\" }")));

    [Test]
    public void Check_DeeplyNested_DepthLimit() =>
        Snapshot.Match(Check("nested.json", Json2021("\"review[total]\": " + new string('[', 40) + new string(']', 40))));

    [Test]
    public void Check_VeryDeeplyNested_DepthLimitNoStackOverflow() =>
        Snapshot.Match(Check("nested-deep.json", "{\"cells\": " + new string('[', 200_000) + new string(']', 200_000) + "}"));

    [Test]
    public void Check_RootIsArray_NotAReport() => Snapshot.Match(Check("array.json", "[" + Json2021() + "]"));

    [Test]
    public void Check_EmptyFile_Empty() => Snapshot.Match(Check("empty.json", []));

    [Test]
    public void Check_WhitespaceOnly_NotAReport() => Snapshot.Match(Check("blank.json", "  \n\t\n"));

    [Test]
    public void Check_EmptyObject_SchemaRequired() => Snapshot.Match(Check("empty-object.json", "{}"));

    [Test]
    public void Check_YearAsString_Error() => Snapshot.Match(Check("year-string.json", Json2021().Replace("\"year\": 2022", "\"year\": \"2022\"", StringComparison.Ordinal)));

    [Test]
    public void Check_YearOverflow_Error() => Snapshot.Match(Check("year-overflow.json", Json2021().Replace("\"year\": 2022", "\"year\": 99999999999", StringComparison.Ordinal)));

    [Test]
    public void Check_YearOutOfRange_Finding() => Snapshot.Match(Check("year-1900.json", Json2021(year: 1900)));

    [Test]
    public void Check_UnknownSchema_Error() => Snapshot.Match(Check("schema.json", Json2021().Replace("\"schema\": \"2021\"", "\"schema\": \"2031\"", StringComparison.Ordinal)));

    [Test]
    public void Check_AgencyLevelNumber_Error() => Snapshot.Match(Check("level.json", Json2021().Replace("\"level\": \"county\"", "\"level\": \"3\"", StringComparison.Ordinal)));

    [Test]
    public void Check_Utf8BomJson_Read() => Snapshot.Match(Check("bom.json", [0xEF, 0xBB, 0xBF, .. Utf8(Json2021())]));

    [Test]
    public void Check_Utf16Json_ReadOrClearError() => Snapshot.Match(Check("utf16.json", [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes(Json2021())]));

    [Test]
    public void Check_SectionsWithWrongTypes_ErrorNotCrash() =>
        Snapshot.Match(Check("sections.json", Json2021().Replace("\"cells\": {", "\"sections\": [{\"line\": \"x\"}], \"tables\": [{}], \"cells\": {", StringComparison.Ordinal)));

    [Test]
    public void Check_ClaimsWithWrongTypes_ErrorNotCrash() =>
        Snapshot.Match(Check("claims.json", Json2021().Replace("\"cells\": {", "\"claims\": [{\"value\": {\"a\": 1}}], \"cells\": {", StringComparison.Ordinal)));

    [Test]
    public void Check_NullClaim_ErrorNotCrash() =>
        Snapshot.Match(Check("null-claim.json", Json2021().Replace("\"cells\": {", "\"claims\": [null, {\"kind\": \"figure\"}], \"cells\": {", StringComparison.Ordinal)));

    [Test]
    public void Check_SourceWithWrongTypes_ErrorNotCrash() =>
        Snapshot.Match(Check("source.json", Json2021().Replace("\"cells\": {", "\"source\": {\"hasText\": \"yes\", \"notes\": [{}]}, \"cells\": {", StringComparison.Ordinal)));
}
