"""The home page and the frame every page shares."""
from bpviz.engine import Network


def test_home_explains_the_two_phases_and_links_the_pages(home):
    text = " ".join(m.value for m in home.markdown)
    assert "Backpropagation" in home.title[0].value
    assert [h.value for h in home.subheader][:2] == ["Phase 1 · Propagate", "Phase 2 · Update"]
    assert "gradient" in text and "learning rate" in text


def test_sidebar_describes_the_session_network_in_one_line(home):
    net = home.session_state["network"]
    assert isinstance(net, Network)
    assert home.sidebar.text[0].value == net.describe()
    assert net.sizes == (2, 2, 2)   # the worked example is where a newcomer starts
