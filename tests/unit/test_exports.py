import pytest

from campaign.services.exports import safe_cell


@pytest.mark.parametrize(
    "typed",
    [
        '=HYPERLINK("http://evil.example")',
        "+441234",
        "-2+3",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
        '\uff1dHYPERLINK("http://evil.example")',  # fullwidth =
        "\uff0b1",  # fullwidth +
        "\uff0d1",  # fullwidth -
        "\uff20SUM(A1)",  # fullwidth @
        "  =1+1",
        " \uff1d1+1",
        "\u3000\uff0b1",  # ideographic space, then fullwidth +
        "\n@SUM(A1)",
    ],
)
def test_a_cell_that_could_start_a_formula_is_neutralised(typed):
    assert safe_cell(typed) == "'" + typed


@pytest.mark.parametrize("typed", ["Ann Smith", "ann@example.org", "O'Neil", "1-2 Main St", "", "  Ann"])
def test_ordinary_cells_are_left_as_typed(typed):
    assert safe_cell(typed) == typed


def test_a_missing_value_is_an_empty_cell():
    assert safe_cell(None) == ""
