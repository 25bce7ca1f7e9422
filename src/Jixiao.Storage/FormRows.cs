using Jixiao.Core.Interchange;
using Jixiao.Core.Model;
using Jixiao.Core.Monitoring;
using Jixiao.Core.Workflow;

namespace Jixiao.Storage;

/// <summary>
/// A form as a row of the forms table: the columns kept beside the document (for lists and filters) and the document
/// with its content hash. The one projection of a form into the table, whether it is stored alone
/// (<see cref="FormStore"/>) or in a batch (<see cref="Ingest.BatchWriter"/>); it holds no model, which costs more
/// memory than the document in a long import.
/// </summary>
public sealed record FormRow(
    string Kind, int? Year, string? ProjectName, string? Department, string? ImplementingUnit,
    decimal? TotalScore, string? Grade, string Hash, string Document, string? File, FormFigures? Figures = null)
{
    /// <param name="figures">What lists show beside the form (findings, 执行率, money); the host computes them with the
    /// form's profile, which the store does not know. Null leaves those columns empty.</param>
    public static FormRow Of(PerformanceForm form, FormFigures? figures = null)
    {
        var (document, hash) = FormJson.DocumentAndHash(form);
        var se = form as EvaluationForm;
        // The project_name column is what lists show and search: a 部门整体 form, which has no project, shows 部门整体支出.
        return new FormRow(form.Kind.ToCode(), form.Year, form.Subject(), form.Department, form.ImplementingUnit,
            se?.TotalScore, se?.Grade, hash, document, form.Source.File, figures);
    }
}

/// <summary>
/// The statements that write forms, written once: the column list, the insert of a new form (a form whose content is
/// stored already is left alone), its 'import' history row, and the update of an edited one. SQLite and PostgreSQL
/// take the same text with <c>@</c> parameters; PostgreSQL's bulk path (a COPY into a staging table) inserts from
/// the staging table with the same columns.
/// </summary>
public static class FormRows
{
    /// <summary>The columns a new form's row is written with, in this order.</summary>
    public const string Columns = "kind, year, project_name, department, implementing_unit, unit_id, status, version, content_hash, "
                                  + "document, total_score, grade, created_at, updated_at, declaration_id, adjusts_id, "
                                  + "error_count, warning_count, finding_codes, execution_rate, budget, executed, light";

    /// <summary>A new form: parameters @Kind … @Grade (the <see cref="FormRow"/>), @UnitId, @Now, @DeclarationId, @AdjustsId.</summary>
    public static string Insert(Database db) => $"""
        INSERT INTO forms ({Columns})
        VALUES (@Kind, @Year, @ProjectName, @Department, @ImplementingUnit, @UnitId, 'draft', 1, @Hash,
                {db.Json("@Document")}, @TotalScore, @Grade, @Now, @Now, @DeclarationId, @AdjustsId,
                @ErrorCount, @WarningCount, @FindingCodes, @ExecutionRate, @Budget, @Executed, @Light)
        ON CONFLICT (content_hash) DO NOTHING
        RETURNING id
        """;

    /// <summary>The history row of a new form: parameters @Id, @Now, @Actor, @File.</summary>
    public const string InsertImportEntry = "INSERT INTO audit_log (form_id, at, actor, action, version, reason) VALUES (@Id, @Now, @Actor, 'import', 1, @File)";

    /// <summary>An edited form, if it is still at the version the edit began from.</summary>
    public static string Update(Database db) => $"""
        UPDATE forms SET kind = @Kind, year = @Year, project_name = @ProjectName, department = @Department,
               implementing_unit = @ImplementingUnit, content_hash = @Hash, document = {db.Json("@Document")},
               total_score = @TotalScore, grade = @Grade, updated_at = @Now, version = version + 1,
               declaration_id = COALESCE(@DeclarationId, declaration_id),
               error_count = @ErrorCount, warning_count = @WarningCount, finding_codes = @FindingCodes,
               execution_rate = @ExecutionRate, budget = @Budget, executed = @Executed, light = @Light
        WHERE id = @Id AND version = @Expected
        """;

    /// <summary>The parameters of <see cref="Insert"/> and <see cref="Update"/> for one row, as the database stores them.</summary>
    public static Dapper.DynamicParameters Parameters(Database db, FormRow row, long? unitId, object now, long? declarationId = null, long? adjustsId = null)
    {
        var p = new Dapper.DynamicParameters();
        p.Add("Kind", row.Kind);
        p.Add("Year", row.Year);
        p.Add("ProjectName", row.ProjectName);
        p.Add("Department", row.Department);
        p.Add("ImplementingUnit", row.ImplementingUnit);
        p.Add("UnitId", unitId);
        p.Add("Hash", row.Hash);
        p.Add("Document", row.Document);
        p.Add("TotalScore", db.Number(row.TotalScore));
        p.Add("Grade", row.Grade);
        p.Add("Now", now);
        p.Add("DeclarationId", declarationId);
        p.Add("AdjustsId", adjustsId);
        p.Add("ErrorCount", row.Figures?.Errors);
        p.Add("WarningCount", row.Figures?.Warnings);
        p.Add("FindingCodes", row.Figures?.CodesText);
        p.Add("ExecutionRate", db.Number(row.Figures?.ExecutionRate));
        p.Add("Budget", db.Number(row.Figures?.Budget));
        p.Add("Executed", db.Number(row.Figures?.Executed));
        p.Add("Light", row.Figures?.Light?.ToCode());
        return p;
    }
}
